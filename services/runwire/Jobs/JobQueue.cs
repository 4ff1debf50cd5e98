using System.Threading.Channels;

namespace Runwire.Host.Jobs;

/// <summary>The bounded in-memory queue every transport feeds; its capacity is the back-pressure point.</summary>
internal sealed class JobQueue(JobsOptions options)
{
    private readonly Channel<IQueuedJob> _channel = Channel.CreateBounded<IQueuedJob>(
        new BoundedChannelOptions(options.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = false });

    public int Capacity => options.QueueCapacity;

    public int Count => _channel.Reader.Count;

    public ChannelReader<IQueuedJob> Reader => _channel.Reader;

    /// <summary>False when the queue is full: the caller pushes back (HTTP 503, Kafka pause) instead of waiting.</summary>
    public bool TryEnqueue(IQueuedJob job) => _channel.Writer.TryWrite(job);

    /// <summary>Blocks until the queue has room or the time is up (for the Kafka consumer's own thread).</summary>
    public void WaitForSpace(TimeSpan timeout) => _channel.Writer.WaitToWriteAsync().AsTask().Wait(timeout);
}
