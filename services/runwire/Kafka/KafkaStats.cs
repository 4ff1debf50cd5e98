namespace Runwire.Host.Kafka;

/// <summary>Counters shown on <c>GET /kafka</c>; written from many workers, read rarely.</summary>
internal sealed class KafkaStats
{
    private long _consumed;
    private long _answered;
    private long _failed;
    private long _duplicates;
    private long _deadLettered;
    private long _markersRead;

    public long Consumed => Interlocked.Read(ref _consumed);

    public long Answered => Interlocked.Read(ref _answered);

    public long Failed => Interlocked.Read(ref _failed);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    public long DeadLettered => Interlocked.Read(ref _deadLettered);

    public long MarkersRead => Interlocked.Read(ref _markersRead);

    public IReadOnlyList<string> Assigned { get; set; } = [];

    public bool Paused { get; set; }

    public void OnConsumed() => Interlocked.Increment(ref _consumed);

    public void OnAnswered(bool ok)
    {
        Interlocked.Increment(ref _answered);
        if (!ok)
        {
            Interlocked.Increment(ref _failed);
        }
    }

    public void OnDuplicate() => Interlocked.Increment(ref _duplicates);

    public void OnDeadLettered() => Interlocked.Increment(ref _deadLettered);

    public void OnMarkersRead(long count) => Interlocked.Add(ref _markersRead, count);
}
