using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Runwire.Core.Telemetry;

namespace Runwire.Host.Jobs;

/// <summary>
/// Status of the jobs posted over HTTP, in memory. A finished job is kept as its status document (the result's bytes,
/// nothing else) until one of <c>Jobs:RetainFinished</c> (results), <c>Jobs:RetainBytes</c> (their bytes) or
/// <c>Jobs:RetainMinutes</c> is exceeded; the oldest go first, and their ids are remembered so <c>GET /jobs/{id}</c>
/// can say the result is gone rather than unknown.
/// </summary>
internal sealed class JobBoard
{
    /// <summary>How many evicted ids are remembered; beyond that an evicted job reads as unknown.</summary>
    private const int EvictedIdsKept = 100_000;
    private readonly ConcurrentDictionary<Guid, JobEntry> _jobs = new();
    private readonly ConcurrentDictionary<Guid, byte> _evicted = new();
    private readonly Queue<Guid> _evictedOrder = new();
    private readonly Queue<JobEntry> _finished = new();
    private readonly Lock _gate = new();
    private readonly JobsOptions _options;
    private long _heldBytes;

    public JobBoard(JobsOptions options, IMeterFactory meters)
    {
        _options = options;
        var meter = meters.Create(RunwireTelemetry.Name);
        meter.CreateObservableGauge("runwire.jobs.board.results", () => HeldResults, "{job}",
            "Finished HTTP jobs whose results the standalone host holds for GET /jobs/{id}.");
        meter.CreateObservableGauge("runwire.jobs.board.bytes", () => HeldBytes, "By",
            "Bytes of the results the standalone host holds for GET /jobs/{id} (bounded by Jobs:RetainBytes).");
    }

    public long HeldBytes => Interlocked.Read(ref _heldBytes);

    public int HeldResults
    {
        get
        {
            lock (_gate)
            {
                return _finished.Count;
            }
        }
    }

    /// <summary>Adds a queued job; false when a job with this id is already known (it is not run twice).</summary>
    public bool TryAdd(Guid jobId, out JobEntry entry)
    {
        var added = new JobEntry(jobId);
        entry = _jobs.GetOrAdd(jobId, added);
        return ReferenceEquals(entry, added);
    }

    public void Remove(Guid jobId) => _jobs.TryRemove(jobId, out _);

    public JobEntry? Find(Guid jobId)
    {
        EvictExpired();
        return _jobs.GetValueOrDefault(jobId);
    }

    /// <summary>Whether the job finished here and its result has been let go.</summary>
    public bool WasEvicted(Guid jobId) => _evicted.ContainsKey(jobId);

    public void Finish(JobEntry entry, byte[] status)
    {
        entry.Finish(status);
        lock (_gate)
        {
            _finished.Enqueue(entry);
            _heldBytes += status.LongLength;
            // The newest result stays even when it alone is over the byte limit (it is at most Runwire:Limits:MaxResultBytes).
            while (_finished.Count > _options.RetainFinished || (_heldBytes > _options.RetainBytes && _finished.Count > 1))
            {
                EvictOldest();
            }
        }
        EvictExpired();
    }

    private void EvictExpired()
    {
        var cutoff = DateTime.UtcNow - _options.RetainAge;
        lock (_gate)
        {
            while (_finished.TryPeek(out var oldest) && oldest.FinishedAt < cutoff)
            {
                EvictOldest();
            }
        }
    }

    private void EvictOldest()
    {
        var old = _finished.Dequeue();
        _heldBytes -= old.Size;
        _jobs.TryRemove(old.JobId, out _);
        _evicted[old.JobId] = 0;
        _evictedOrder.Enqueue(old.JobId);
        if (_evictedOrder.Count > EvictedIdsKept)
        {
            _evicted.TryRemove(_evictedOrder.Dequeue(), out _);
        }
    }
}

/// <summary>One HTTP job: queued, running, then done with its status document (result included).</summary>
internal sealed class JobEntry(Guid jobId)
{
    private volatile byte[]? _done;
    private volatile bool _running;

    public Guid JobId => jobId;

    public string Status => _done is not null ? "done" : _running ? "running" : "queued";

    /// <summary>The status document of the finished job, <c>{"job_id":…,"status":"done","result":{…}}</c>.</summary>
    public byte[]? Done => _done;

    public long Size => _done?.LongLength ?? 0;

    public DateTime FinishedAt { get; private set; }

    public void Start() => _running = true;

    public void Finish(byte[] done)
    {
        FinishedAt = DateTime.UtcNow;
        _done = done;
    }
}
