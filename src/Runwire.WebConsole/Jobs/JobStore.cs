namespace Runwire.WebConsole.Jobs;

/// <summary>
/// The jobs a host holds, queued to finished, for <c>GET /jobs</c>, <c>GET /jobs/{id}</c> and the console. Finished jobs
/// are kept until the <see cref="JobRetention"/> lets them go, oldest finished first; their ids are remembered a while
/// longer so a lookup can say "gone" rather than "unknown". Every filter has its own ordered index, so
/// a page costs the jobs on it (plus the skipped ones of a second filter), not a scan of everything held; the id search
/// takes the beginning of an id and reads a range of an index ordered by id.
/// </summary>
public sealed class JobStore
{
    /// <summary>How many evicted ids are remembered; beyond that an evicted job reads as unknown.</summary>
    public const int EvictedIdsKept = 100_000;

    private static readonly Comparer<StoredJob> NewestFirst = Comparer<StoredJob>.Create((a, b) => b.Sequence.CompareTo(a.Sequence));
    private static readonly Comparer<StoredJob> ById = Comparer<StoredJob>.Create((a, b) => string.CompareOrdinal(a.IdText, b.IdText));
    private static readonly string[] States = [.. Enum.GetNames<JobState>().Select(s => s.ToLowerInvariant())];

    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, StoredJob> _byId = [];
    private readonly SortedSet<StoredJob> _all = new(NewestFirst);
    private readonly SortedSet<StoredJob> _byIdText = new(ById);
    private readonly Dictionary<string, SortedSet<StoredJob>> _index = new(StringComparer.Ordinal);
    private readonly Queue<StoredJob> _finished = new();
    private readonly HashSet<Guid> _evicted = [];
    private readonly Queue<Guid> _evictedOrder = new();
    private readonly TimeProvider _time;
    private long _sequence;
    private long _heldBytes;

    public JobStore(JobRetention retention, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(retention);
        Retention = retention;
        _time = time ?? TimeProvider.System;
    }

    public JobRetention Retention { get; }

    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Finished jobs held.</summary>
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

    /// <summary>Bytes of the finished jobs held (requests and results).</summary>
    public long HeldBytes => Interlocked.Read(ref _heldBytes);

    /// <summary>Every job held, queued, running and finished.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _all.Count;
            }
        }
    }

    /// <summary>Adds a new job; false when a job with this id is held already (it is not run twice).</summary>
    public bool TryAdd(StoredJob job, out StoredJob held)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (_gate)
        {
            if (_byId.TryGetValue(job.JobId, out var existing))
            {
                held = existing;
                return false;
            }
            job.Sequence = ++_sequence;
            _byId[job.JobId] = job;
            _all.Add(job);
            _byIdText.Add(job);
            foreach (var key in Keys(job))
            {
                Index(key).Add(job);
            }
            held = job;
            return true;
        }
    }

    /// <summary>Forgets a job that was never run (the queue refused it).</summary>
    public void Remove(StoredJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (_gate)
        {
            if (_byId.TryGetValue(job.JobId, out var held) && ReferenceEquals(held, job))
            {
                Drop(job);
            }
        }
    }

    public void Start(StoredJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (_gate)
        {
            if (job.State != JobState.Queued)
            {
                return;
            }
            Unindex(StateKey(job.State), job);
            job.SetRunning(Now);
            Index(StateKey(job.State)).Add(job);
        }
    }

    /// <summary>
    /// Records the job's answer (its bytes, or null when the host no longer has them), answered now or at
    /// <paramref name="finishedAt"/>; the oldest finished jobs beyond the retention go. A finished job stays as it is.
    /// </summary>
    public void Finish(StoredJob job, byte[]? result, JobOutcome outcome, DateTimeOffset? finishedAt = null)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (_gate)
        {
            if (job.Finished)
            {
                return;
            }
            Unindex(StateKey(job.State), job);
            job.SetFinished(result, outcome, finishedAt ?? Now);
            if (!_byId.TryGetValue(job.JobId, out var held) || !ReferenceEquals(held, job))
            {
                return;
            }
            Index(StateKey(job.State)).Add(job);
            _finished.Enqueue(job);
            _heldBytes += job.Size;
            // The newest job stays even when it alone is over the byte limit (its result is bounded by MaxResultBytes).
            while (_finished.Count > Retention.Count || (_heldBytes > Retention.Bytes && _finished.Count > 1))
            {
                EvictOldest();
            }
            EvictExpired();
        }
    }

    public StoredJob? Find(Guid jobId)
    {
        lock (_gate)
        {
            EvictExpired();
            return _byId.GetValueOrDefault(jobId);
        }
    }

    /// <summary>Whether the job finished here and has been let go.</summary>
    public bool WasEvicted(Guid jobId)
    {
        lock (_gate)
        {
            return _evicted.Contains(jobId);
        }
    }

    public JobPage Query(JobQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, JobQuery.MaxLimit);
        var wanted = new List<string>();
        if (query.Status is { Length: > 0 } status)
        {
            wanted.Add("s:" + status.ToLowerInvariant());
        }
        if (query.Transformation is { Length: > 0 } transformation)
        {
            wanted.Add(TransformationKey(transformation));
        }
        if (query.KafkaKey is { Length: > 0 } kafkaKey)
        {
            wanted.Add("k:" + kafkaKey);
        }
        var search = query.Search?.Trim();
        lock (_gate)
        {
            EvictExpired();
            var byStatus = States.ToDictionary(s => s, s => _index.GetValueOrDefault("s:" + s)?.Count ?? 0);
            var sets = wanted.Select(k => _index.GetValueOrDefault(k)).ToList();
            if (sets.Any(s => s is null))
            {
                return new JobPage([], null, _all.Count, 0, byStatus);
            }
            var prefix = search is { Length: > 0 } ? search.ToLowerInvariant() : null;
            IEnumerable<StoredJob> candidates;
            if (prefix is { Length: > 2 })
            {
                // The beginning of an id (or all of it): a range of the id index (one job in 4096 or fewer), put in
                // order of arrival.
                candidates = _byIdText.GetViewBetween(new StoredJob(0, prefix), new StoredJob(0, prefix + "~"))
                    .Where(j => query.Before is not { } b || j.Sequence < b)
                    .OrderByDescending(j => j.Sequence);
            }
            else
            {
                // Walk the smallest index; the other filters (and a prefix of one or two characters, which one job in
                // 16 or 256 has) are checked on its jobs.
                var smallest = sets.OrderBy(s => s!.Count).FirstOrDefault() ?? _all;
                candidates = query.Before is { } before
                    ? before <= 1 ? [] : smallest.GetViewBetween(new StoredJob(before - 1), new StoredJob(long.MinValue))
                    : smallest;
                if (prefix is not null)
                {
                    candidates = candidates.Where(j => j.IdText.StartsWith(prefix, StringComparison.Ordinal));
                }
            }
            var page = new List<StoredJob>(limit + 1);
            foreach (var job in candidates)
            {
                if (sets.Count == 0 || sets.TrueForAll(s => s!.Contains(job)))
                {
                    page.Add(job);
                    if (page.Count > limit)
                    {
                        break;
                    }
                }
            }
            long? next = page.Count > limit ? page[limit - 1].Sequence : null;
            if (page.Count > limit)
            {
                page.RemoveAt(limit);
            }
            int? matching = search is { Length: > 0 } ? null : sets.Count switch
            {
                0 when query.Search is null or "" => _all.Count,
                1 when query.Search is null or "" => sets[0]!.Count,
                _ => null,
            };
            return new JobPage(page, next, _all.Count, matching, byStatus);
        }
    }

    private static string StateKey(JobState state) => "s:" + States[(int)state];

    private static string TransformationKey(string idOrName) =>
        Guid.TryParse(idOrName, out var id) ? "t:" + id.ToString("D") : "t:" + idOrName.ToLowerInvariant();

    private static IEnumerable<string> Keys(StoredJob job)
    {
        yield return StateKey(job.State);
        if (job.TransformationId is { } id)
        {
            yield return "t:" + id.ToString("D");
        }
        if (job.TransformationName is { Length: > 0 } name)
        {
            yield return "t:" + name.ToLowerInvariant();
        }
        if (job.KafkaKey is { } key)
        {
            yield return "k:" + key;
        }
    }

    private SortedSet<StoredJob> Index(string key)
    {
        if (!_index.TryGetValue(key, out var set))
        {
            _index[key] = set = new SortedSet<StoredJob>(NewestFirst);
        }
        return set;
    }

    private void Unindex(string key, StoredJob job)
    {
        if (_index.TryGetValue(key, out var set) && set.Remove(job) && set.Count == 0)
        {
            _index.Remove(key);
        }
    }

    private void Drop(StoredJob job)
    {
        _byId.Remove(job.JobId);
        _all.Remove(job);
        _byIdText.Remove(job);
        foreach (var key in Keys(job))
        {
            Unindex(key, job);
        }
    }

    private void EvictExpired()
    {
        var cutoff = Now - Retention.Age;
        while (_finished.TryPeek(out var oldest) && oldest.FinishedAt < cutoff)
        {
            EvictOldest();
        }
    }

    private void EvictOldest()
    {
        var old = _finished.Dequeue();
        _heldBytes -= old.Size;
        if (_byId.TryGetValue(old.JobId, out var held) && ReferenceEquals(held, old))
        {
            Drop(old);
        }
        if (_evicted.Add(old.JobId))
        {
            _evictedOrder.Enqueue(old.JobId);
            if (_evictedOrder.Count > EvictedIdsKept)
            {
                _evicted.Remove(_evictedOrder.Dequeue());
            }
        }
    }
}
