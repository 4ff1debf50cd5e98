using System.Diagnostics;
using Runwire.Core.Contracts;
using Runwire.Core.Telemetry;
using Runwire.WebConsole.Jobs;

namespace Runwire.Ingest.Board;

/// <summary>
/// The jobs this replica scheduled (HTTP and pub/sub) and the records it refused, in a bounded <see cref="JobStore"/>
/// (<c>Jobs:Retain*</c>): what <c>GET /jobs</c> and the console show. Its own activities update them as they run here;
/// <see cref="WorkflowJobSource"/> reads the workflow state for the ones whose steps ran on another replica.
/// </summary>
internal sealed class JobBoard(JobStore store)
{
    /// <summary>Holds a job whose workflow is about to be scheduled; null when a job with its id is held already.</summary>
    public StoredJob? Scheduled(
        ExecutionJob job, byte[]? request, bool fromTopic, string? kafkaKey, string? record, string? traceparent, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(job);
        var entry = new StoredJob(job.JobId, fromTopic ? RunwireTelemetry.Transports.Kafka : RunwireTelemetry.Transports.Http, request, receivedAt)
        {
            // The executor resolves a revision group's latest revision; ingest knows only what the job names.
            TransformationId = job.TransformationId,
            KafkaKey = kafkaKey,
            KafkaRecord = record,
            TraceId = TraceId(traceparent),
        };
        return store.TryAdd(entry, out _) ? entry : null;
    }

    /// <summary>Lets go of a job whose workflow was not scheduled after all (a duplicate, or the sidecar failed).</summary>
    public void Forget(StoredJob? entry)
    {
        if (entry is not null)
        {
            store.Remove(entry);
        }
    }

    /// <summary>A step of the job runs (here or, read from the workflow state, elsewhere).</summary>
    public void Running(string jobId)
    {
        if (Held(jobId) is { } entry)
        {
            store.Start(entry);
        }
    }

    /// <summary>The job's answer is out, from an activity of this replica (the bytes are copied only for a job held here).</summary>
    public void Answered(string jobId, ReadOnlyMemory<byte> result, ExecutionResult summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (Held(jobId) is { Finished: false } entry)
        {
            store.Finish(entry, result.ToArray(), JobOutcome.Of(summary));
        }
    }

    /// <summary>The job was answered at <paramref name="at"/>, as its workflow state tells (its steps ran on another replica).</summary>
    public void AnsweredElsewhere(string jobId, byte[]? result, JobOutcome outcome, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (Held(jobId) is { Finished: false } entry)
        {
            store.Finish(entry, result, outcome, at);
        }
    }

    /// <summary>
    /// Holds a record that is no job (undecodable, too large) while a workflow's answer step sends its failure result,
    /// under the record's id; null when held already. Its answer finishes it like a job's.
    /// </summary>
    public StoredJob? Refusing(Guid recordId, byte[]? request, string? kafkaKey, string? record, string? traceparent, DateTimeOffset receivedAt)
    {
        var entry = new StoredJob(recordId, RunwireTelemetry.Transports.Kafka, request, receivedAt)
        {
            KafkaKey = kafkaKey,
            KafkaRecord = record,
            TraceId = TraceId(traceparent),
        };
        if (!store.TryAdd(entry, out _))
        {
            return null;
        }
        store.Start(entry);
        return entry;
    }

    /// <summary>A record that is no job, answered at once with <paramref name="result"/> (no workflow: the record's place is unknown).</summary>
    public void Refused(ExecutionResult result, byte[] request, string? kafkaKey, string? record, string? traceparent, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (Refusing(result.JobId, request, kafkaKey, record, traceparent, receivedAt) is { } entry)
        {
            store.Finish(entry, ResultWriter.ToUtf8(result), JobOutcome.Of(result));
        }
    }

    internal static string? TraceId(string? traceparent) =>
        traceparent is not null && ActivityContext.TryParse(traceparent, null, out var context) ? context.TraceId.ToHexString() : null;

    private StoredJob? Held(string jobId) => Guid.TryParse(jobId, out var id) ? store.Find(id) : null;
}
