using System.Runtime.InteropServices;

namespace Runwire.TestBroker;

/// <summary>librdkafka's mock cluster: real Kafka wire protocol on 127.0.0.1, in memory, with random ports.</summary>
internal sealed class MockCluster : IDisposable
{
    private readonly nint _handle;
    private readonly nint _cluster;

    public MockCluster(int brokers)
    {
        Brokers = brokers;
        var error = Marshal.AllocHGlobal(512);
        try
        {
            // The mock needs a client handle to live in; it is a producer that never produces.
            var conf = Native.rd_kafka_conf_new();
            // Level 4 hides the notice that this handle has no bootstrap.servers: it never connects anywhere.
            Check(Native.rd_kafka_conf_set(conf, "log_level", "4", error, 512), "setting log_level");
            _handle = Native.rd_kafka_new(0, conf, error, 512);
            if (_handle == 0)
            {
                throw new InvalidOperationException($"rd_kafka_new failed: {Marshal.PtrToStringUTF8(error)}");
            }
        }
        finally
        {
            Marshal.FreeHGlobal(error);
        }
        _cluster = Native.rd_kafka_mock_cluster_new(_handle, brokers);
        if (_cluster == 0)
        {
            Native.rd_kafka_destroy(_handle);
            throw new InvalidOperationException("rd_kafka_mock_cluster_new failed.");
        }
        // Without these a group's first join waits 3 s and every controller-bound admin call hangs (kafka-local.md §2).
        Native.rd_kafka_mock_group_initial_rebalance_delay_ms(_cluster, 0);
        Check(Native.rd_kafka_mock_set_controller_id(_cluster, 1), "setting the controller id");
    }

    public int Brokers { get; }

    public string Bootstrap => Marshal.PtrToStringUTF8(Native.rd_kafka_mock_cluster_bootstraps(_cluster))!;

    public void CreateTopic(string name, int partitions)
    {
        Check(Native.rd_kafka_mock_topic_create(_cluster, name, partitions, Math.Min(3, Brokers)), $"creating topic '{name}'");
    }

    /// <summary>
    /// Every broker drops its connections and refuses new ones, as if the cluster went away; <see cref="Up"/> brings
    /// it back with its topics, records and committed offsets (a restarted mock process would lose all of them).
    /// </summary>
    public void Down() => ForEachBroker(Native.rd_kafka_mock_broker_set_down);

    public void Up() => ForEachBroker(Native.rd_kafka_mock_broker_set_up);

    public void Dispose()
    {
        Native.rd_kafka_mock_cluster_destroy(_cluster);
        Native.rd_kafka_destroy(_handle);
    }

    private void ForEachBroker(Func<nint, int, int> action)
    {
        for (var id = 1; id <= Brokers; id++)
        {
            Check(action(_cluster, id), $"switching broker {id}");
        }
    }

    private static void Check(int error, string what)
    {
        if (error != 0)
        {
            throw new InvalidOperationException($"librdkafka error {error} when {what}.");
        }
    }
}
