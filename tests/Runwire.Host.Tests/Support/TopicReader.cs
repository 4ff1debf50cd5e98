using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Confluent.Kafka;

namespace Runwire.Host.Tests.Support;

/// <summary>One record read back from a topic, with its key, headers and JSON value (when it is JSON).</summary>
internal sealed record Received(string? Key, byte[] Value, IReadOnlyDictionary<string, string> Headers, string Partition)
{
    public JsonObject Json => JsonNode.Parse(Value)!.AsObject();

    public string? JobId => Json["job_id"]?.GetValue<string>();

    public string? Result => Json["result"]?.GetValue<string>();
}

/// <summary>Reads every partition of a topic from the beginning on a background thread, as a result consumer would.</summary>
internal sealed class TopicReader : IDisposable
{
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public TopicReader(string bootstrap, string topic = Topics.Results, int partitions = TestBroker.Partitions)
    {
        var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = "reader-" + Guid.NewGuid(),
            EnableAutoCommit = false,
            FetchWaitMaxMs = 10,
        }).SetLogHandler(KafkaClientLog.Drop).Build();
        consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        _loop = Task.Factory.StartNew(() => Read(consumer), TaskCreationOptions.LongRunning);
    }

    public IReadOnlyList<Received> All => [.. _received];

    /// <summary>Waits until <paramref name="done"/> holds for what has arrived; returns what arrived either way.</summary>
    public async Task<IReadOnlyList<Received>> WaitAsync(Func<IReadOnlyList<Received>, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !done(All))
        {
            await Task.Delay(50).ConfigureAwait(false);
        }
        return All;
    }

    public Task<IReadOnlyList<Received>> WaitCountAsync(int count, TimeSpan timeout) => WaitAsync(r => r.Count >= count, timeout);

    /// <summary>Waits for <paramref name="settle"/> with nothing new arriving, so a late duplicate would be seen.</summary>
    public async Task<IReadOnlyList<Received>> SettleAsync(TimeSpan settle)
    {
        var count = -1;
        while (count != _received.Count)
        {
            count = _received.Count;
            await Task.Delay(settle).ConfigureAwait(false);
        }
        return All;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _loop.Wait(TimeSpan.FromSeconds(10));
        _stop.Dispose();
    }

    private void Read(IConsumer<byte[]?, byte[]?> consumer)
    {
        using (consumer)
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    var record = consumer.Consume(TimeSpan.FromMilliseconds(100));
                    if (record?.Message is { } message)
                    {
                        var headers = (message.Headers ?? []).GroupBy(h => h.Key)
                            .ToDictionary(g => g.Key, g => Encoding.UTF8.GetString(g.Last().GetValueBytes()));
                        _received.Enqueue(new Received(message.Key is null ? null : Encoding.UTF8.GetString(message.Key), message.Value ?? [],
                            headers, record.TopicPartition.ToString()));
                    }
                }
                catch (ConsumeException)
                {
                }
            }
            consumer.Close();
        }
    }
}
