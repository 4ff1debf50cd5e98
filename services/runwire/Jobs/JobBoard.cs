using System.Collections.Concurrent;
using Runwire.Core.Engine;

namespace Runwire.Host.Jobs;

/// <summary>Status of the jobs posted over HTTP, in memory; the oldest finished ones are forgotten first.</summary>
internal sealed class JobBoard(JobsOptions options)
{
    private readonly ConcurrentDictionary<Guid, JobEntry> _jobs = new();
    private readonly ConcurrentQueue<Guid> _finished = new();

    /// <summary>Adds a queued job; false when a job with this id is already known (it is not run twice).</summary>
    public bool TryAdd(Guid jobId, out JobEntry entry)
    {
        var added = new JobEntry(jobId);
        entry = _jobs.GetOrAdd(jobId, added);
        return ReferenceEquals(entry, added);
    }

    public void Remove(Guid jobId) => _jobs.TryRemove(jobId, out _);

    public JobEntry? Find(Guid jobId) => _jobs.GetValueOrDefault(jobId);

    public void Finish(JobEntry entry, JobAnswer answer)
    {
        entry.Finish(answer);
        _finished.Enqueue(entry.JobId);
        while (_finished.Count > options.RetainFinished && _finished.TryDequeue(out var old))
        {
            _jobs.TryRemove(old, out _);
        }
    }
}

/// <summary>One HTTP job: queued, running, then done with its answer.</summary>
internal sealed class JobEntry(Guid jobId)
{
    private volatile JobAnswer? _answer;
    private volatile bool _running;

    public Guid JobId => jobId;

    public string Status => _answer is not null ? "done" : _running ? "running" : "queued";

    public JobAnswer? Answer => _answer;

    public void Start() => _running = true;

    public void Finish(JobAnswer answer) => _answer = answer;
}
