using Runwire.Core.Contracts;

namespace Runwire.WebConsole.Jobs;

/// <summary>Where a job stands; <see cref="Succeeded"/> and <see cref="Failed"/> are final.</summary>
public enum JobState
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// <summary>
/// One job as a host's <see cref="JobStore"/> holds it: what arrived (the request's bytes), how it went and, once
/// finished, the result's JSON exactly as it was answered. Written by the host's worker, read by the console and the API.
/// </summary>
public sealed class StoredJob
{
    private volatile byte[]? _result;
    private volatile int _state;

    public StoredJob(Guid jobId, string transport, byte[]? request, DateTimeOffset? receivedAt = null)
    {
        JobId = jobId;
        IdText = jobId.ToString("D");
        Transport = transport;
        Request = request;
        ReceivedAt = receivedAt ?? DateTimeOffset.UtcNow;
    }

    // A probe for range lookups in the store's ordered sets.
    internal StoredJob(long sequence, string idText = "")
    {
        Sequence = sequence;
        IdText = idText;
        Transport = "";
    }

    public Guid JobId { get; }

    /// <summary>The id as text (lower case), written once: the store's id index is ordered by it.</summary>
    public string IdText { get; } = "";

    /// <summary>The order of arrival in its store; newer jobs have larger numbers.</summary>
    public long Sequence { get; internal set; }

    /// <summary><c>http</c> or <c>kafka</c>.</summary>
    public string Transport { get; }

    public Guid? TransformationId { get; init; }

    public string? TransformationName { get; init; }

    public string? KafkaKey { get; init; }

    /// <summary>Topic, partition and offset of a Kafka job's record (<c>topic [p] @o</c>).</summary>
    public string? KafkaRecord { get; init; }

    /// <summary>The job message's bytes as received.</summary>
    public byte[]? Request { get; }

    public DateTimeOffset ReceivedAt { get; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public JobState State => (JobState)_state;

    public bool Finished => State is JobState.Succeeded or JobState.Failed;

    /// <summary>The result's JSON once finished (the bytes that were answered); null when the host no longer has them.</summary>
    public byte[]? Result => _result;

    public string? ErrorType { get; private set; }

    public string? ProcessStage { get; private set; }

    public string? ErrorMessage { get; private set; }

    /// <summary>The W3C trace id of the job's trace, when there is one.</summary>
    public string? TraceId { get; set; }

    /// <summary>From arrival to answer; null until finished.</summary>
    public TimeSpan? Duration => FinishedAt - ReceivedAt;

    /// <summary>Bytes held for this job (request and result).</summary>
    public long Size => (Request?.LongLength ?? 0) + (_result?.LongLength ?? 0);

    /// <summary>
    /// A job as the host's other records know it, held by no store (a page shows it once): queued, running from
    /// <paramref name="startedAt"/>, or finished at <paramref name="finishedAt"/> with <paramref name="outcome"/>.
    /// </summary>
    public static StoredJob Snapshot(StoredJob job, DateTimeOffset? startedAt, DateTimeOffset? finishedAt, byte[]? result, JobOutcome? outcome)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (startedAt is { } started)
        {
            job.SetRunning(started);
        }
        if (finishedAt is { } finished)
        {
            job.SetFinished(result, outcome ?? new JobOutcome(), finished);
        }
        return job;
    }

    internal void SetRunning(DateTimeOffset now)
    {
        StartedAt = now;
        _state = (int)JobState.Running;
    }

    internal void SetFinished(byte[]? result, JobOutcome outcome, DateTimeOffset now)
    {
        FinishedAt = now;
        ErrorType = outcome.ErrorType;
        ProcessStage = outcome.ProcessStage;
        ErrorMessage = outcome.ErrorMessage;
        _result = result;
        _state = (int)(outcome.ErrorType is null ? JobState.Succeeded : JobState.Failed);
    }
}

/// <summary>How a job ended: no error type for "ok".</summary>
public sealed record JobOutcome(string? ErrorType = null, string? ProcessStage = null, string? ErrorMessage = null)
{
    /// <summary>The outcome a result tells: its error's type, stage and message.</summary>
    public static JobOutcome Of(ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new JobOutcome(result.Error?.Type, result.Error?.ProcessStage.ToString(), result.Error?.Message);
    }
}
