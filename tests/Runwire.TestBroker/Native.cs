using System.Runtime.InteropServices;

namespace Runwire.TestBroker;

/// <summary>
/// The slice of librdkafka's C API that runs its mock cluster. Confluent.Kafka does not expose the mock API
/// (confluent-kafka-dotnet #1134, #1930), so it is called directly from the native library librdkafka.redist ships.
/// </summary>
internal static partial class Native
{
    private const string Library = "rdkafka";

    static Native() => NativeLibrary.SetDllImportResolver(typeof(Native).Assembly, Resolve);

    // The package's plain librdkafka.so needs the RHEL soname libsasl2.so.3 that Debian lacks; the centos8 build is self-contained.
    private static nint Resolve(string name, System.Reflection.Assembly assembly, DllImportSearchPath? path)
    {
        if (name != Library)
        {
            return 0;
        }
        var directory = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native");
        foreach (var file in new[] { "centos8-librdkafka.so", "librdkafka.so" })
        {
            if (NativeLibrary.TryLoad(Path.Combine(directory, file), out var handle))
            {
                return handle;
            }
        }
        throw new DllNotFoundException($"No loadable librdkafka in {directory}.");
    }

    [LibraryImport(Library)]
    internal static partial nint rd_kafka_conf_new();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int rd_kafka_conf_set(nint conf, string name, string value, nint errorBuffer, nuint errorBufferSize);

    [LibraryImport(Library)]
    internal static partial nint rd_kafka_new(int type, nint conf, nint errorBuffer, nuint errorBufferSize);

    [LibraryImport(Library)]
    internal static partial void rd_kafka_destroy(nint handle);

    [LibraryImport(Library)]
    internal static partial nint rd_kafka_mock_cluster_new(nint handle, int brokers);

    [LibraryImport(Library)]
    internal static partial void rd_kafka_mock_cluster_destroy(nint cluster);

    [LibraryImport(Library)]
    internal static partial nint rd_kafka_mock_cluster_bootstraps(nint cluster);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int rd_kafka_mock_topic_create(nint cluster, string topic, int partitions, int replicationFactor);

    [LibraryImport(Library)]
    internal static partial void rd_kafka_mock_group_initial_rebalance_delay_ms(nint cluster, int milliseconds);

    [LibraryImport(Library)]
    internal static partial int rd_kafka_mock_set_controller_id(nint cluster, int brokerId);

    [LibraryImport(Library)]
    internal static partial int rd_kafka_mock_broker_set_down(nint cluster, int brokerId);

    [LibraryImport(Library)]
    internal static partial int rd_kafka_mock_broker_set_up(nint cluster, int brokerId);
}
