using System.Diagnostics;
using System.Diagnostics.Metrics;
using Runwire.WebConsole.Jobs;
using Runwire.Core.Contracts;
using Runwire.Core.Engine;
using Runwire.Core.Telemetry;
using Runwire.Core.Transformations;

namespace Runwire.Host.Jobs;

/// <summary>
/// The jobs of this host, HTTP and Kafka, in memory (a <see cref="JobStore"/>): what <c>GET /jobs</c>,
/// <c>GET /jobs/{id}</c> and the console show. A finished job is kept with its request and result bytes until one of
/// <c>Jobs:RetainFinished</c> (jobs), <c>Jobs:RetainBytes</c> (their bytes) or <c>Jobs:RetainMinutes</c> is exceeded;
/// the oldest go first, and their ids are remembered so <c>GET /jobs/{id}</c> can say the result is gone rather than unknown.
/// </summary>
internal sealed class JobBoard
{
    private readonly TransformationStore _transformations;

    public JobBoard(JobsOptions options, IMeterFactory meters, TransformationStore transformations)
    {
        _transformations = transformations;
        Store = new JobStore(options.Retention);
        var meter = meters.Create(RunwireTelemetry.Name);
        meter.CreateObservableGauge("runwire.jobs.board.results", () => HeldResults, "{job}",
            "Finished jobs (HTTP and Kafka) the standalone host holds for GET /jobs and the console.");
        meter.CreateObservableGauge("runwire.jobs.board.bytes", () => HeldBytes, "By",
            "Bytes of the finished jobs' requests and results the standalone host holds (bounded by Jobs:RetainBytes).");
    }

    public JobStore Store { get; }

    public long HeldBytes => Store.HeldBytes;

    public int HeldResults => Store.HeldResults;

    /// <summary>Adds a queued HTTP job; false when a job with this id is already known (it is not run twice).</summary>
    public bool TryAdd(ExecutionJob job, byte[] request, out StoredJob entry) =>
        Store.TryAdd(Describe(job.JobId, RunwireTelemetry.Transports.Http, job, request, null, null), out entry);

    /// <summary>
    /// Adds a Kafka job as it starts to run (<paramref name="job"/> is null when it could not be decoded); null when
    /// a job with its id is held already, which then stays as it is.
    /// </summary>
    public StoredJob? AddKafka(Guid jobId, ExecutionJob? job, byte[]? request, string? key, string record)
    {
        var stored = Describe(jobId, RunwireTelemetry.Transports.Kafka, job, request, key, record);
        if (!Store.TryAdd(stored, out _))
        {
            return null;
        }
        Store.Start(stored);
        return stored;
    }

    public void Remove(StoredJob entry) => Store.Remove(entry);

    public StoredJob? Find(Guid jobId) => Store.Find(jobId);

    /// <summary>Whether the job finished here and its result has been let go.</summary>
    public bool WasEvicted(Guid jobId) => Store.WasEvicted(jobId);

    public void Start(StoredJob entry) => Store.Start(entry);

    public void Finish(StoredJob entry, JobAnswer answer, ActivityTraceId traceId)
    {
        if (traceId != default)
        {
            entry.TraceId = traceId.ToHexString();
        }
        Store.Finish(entry, answer.ToUtf8(), JobOutcome.Of(answer.Result));
    }

    private StoredJob Describe(Guid jobId, string transport, ExecutionJob? job, byte[]? request, string? key, string? record)
    {
        var revision = job switch
        {
            { TransformationId: { } id } => _transformations.Find(id),
            { RevisionGroupId: { } group } => _transformations.FindLatestReleased(group),
            _ => null,
        };
        return new StoredJob(jobId, transport, request)
        {
            TransformationId = revision?.Id ?? job?.TransformationId,
            TransformationName = revision?.Name,
            KafkaKey = key,
            KafkaRecord = record,
        };
    }
}
