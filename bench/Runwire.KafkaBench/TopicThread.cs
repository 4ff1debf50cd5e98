using System.Diagnostics;
using Confluent.Kafka;
using Runwire.Host.Tests.Support;

namespace Runwire.KafkaBench;

/// <summary>
/// Reads every partition of a test broker topic from the beginning on a thread of its own and hands each message to
/// <c>onMessage</c> with the moment it was read (a <see cref="Stopwatch"/> timestamp).
/// </summary>
internal sealed class TopicThread<TKey> : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    public TopicThread(string bootstrap, string group, string topic, Action<Message<TKey, byte[]>, long> onMessage)
    {
        var consumer = new ConsumerBuilder<TKey, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap, GroupId = group, EnableAutoCommit = false, FetchWaitMaxMs = 10,
            // Records the mock broker dropped (over 5 MiB per partition) are then missing, not skipped to the end.
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Assign(Enumerable.Range(0, TestBroker.Partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        _thread = new Thread(() =>
        {
            using (consumer)
            {
                while (!_stop.IsCancellationRequested)
                {
                    if (consumer.Consume(TimeSpan.FromMilliseconds(100))?.Message is { } message)
                    {
                        onMessage(message, Stopwatch.GetTimestamp());
                    }
                }
            }
        }) { IsBackground = true };
        _thread.Start();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join(TimeSpan.FromSeconds(10));
        _stop.Dispose();
    }
}
