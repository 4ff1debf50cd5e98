using System.Diagnostics;
using System.Text.Json;
using Dapr.Workflow;
using Grpc.Core;
using Runwire.Core.Contracts;
using Runwire.Core.Contracts.Steps;
using Runwire.Core.Engine;
using Runwire.Core.Telemetry;
using Runwire.Ingest.Execution;
using Runwire.Ingest.Board;
using Runwire.Ingest.Payloads;

namespace Runwire.Ingest.Intake;

/// <summary>Starts one <see cref="ExecutionWorkflow"/> per job, with the job id as instance id.</summary>
internal sealed class JobScheduler(
    IDaprWorkflowClient workflows, ClaimChecks payloads, AnsweredJobs answered, DaprSettings settings, JobBoard board, ILogger<JobScheduler> log)
{
    /// <summary>The job's log scope, for the endpoint's work on it once its id is known.</summary>
    public IDisposable? BeginJob(Guid jobId, string? kafkaKey) => Log.BeginJob(log, jobId.ToString("D"), kafkaKey);

    /// <summary>
    /// True when a new instance was started; false when the job was answered inside the duplicate window or already has
    /// an instance (a redelivery, counted as a duplicate).
    /// <paramref name="receivedAt"/> travels in the workflow input, so the job's duration ends when its answer is out.
    /// <paramref name="request"/> (the bytes received) and <paramref name="record"/> (where a pub/sub record lay) are for the console.
    /// </summary>
    public async Task<bool> StartAsync(ExecutionJob job, bool publishResult, string? kafkaKey, string? traceparent, DateTimeOffset receivedAt,
        byte[]? request, string? record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        var id = job.JobId.ToString("D");
        if (await KnownAsync(id, ct).ConfigureAwait(false))
        {
            return false;
        }
        var canonical = JsonSerializer.SerializeToUtf8Bytes(job, StepJson.Options);
        var reference = await payloads.PutAsync(id, "job", canonical, ct).ConfigureAwait(false);
        var started = new JobStarted(id, reference, publishResult, kafkaKey, traceparent ?? Activity.Current?.Id, receivedAt, settings.AnswerRetry);
        // Held before the instance starts, so its answer (which may come at once) finds it.
        return await ScheduleAsync(started, board.Scheduled(job, request, publishResult, kafkaKey, record, started.Traceparent, receivedAt), ct)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Answers a refused record (undecodable, too large) through the workflow's answer step, so its failure result waits
    /// for the pub/sub on durable timers like any job's answer instead of being lost to an outage. The instance id is
    /// where the record lies (<paramref name="recordId"/>), never a job id the payload might name; false when that
    /// record was answered already.
    /// </summary>
    public async Task<bool> AnswerRefusalAsync(Guid recordId, JobAnswer refusal, string? kafkaKey, string? traceparent, DateTimeOffset receivedAt,
        byte[]? request, string? record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var id = recordId.ToString("D");
        if (await KnownAsync(id, ct).ConfigureAwait(false))
        {
            return false;
        }
        var result = await payloads.PutAsync(id, "result", refusal.ToUtf8(), ct).ConfigureAwait(false);
        var outcome = new JobOutcome(refusal.Kind.ToString(), refusal.HttpStatus, result, null);
        var started = new JobStarted(id, result, PublishResult: true, kafkaKey, traceparent ?? Activity.Current?.Id, receivedAt, settings.AnswerRetry,
            Answering: new PendingAnswer(outcome, [], receivedAt.UtcDateTime, 0, Fallback: false));
        // Listed under the instance id, like a job; its answer step finishes it.
        return await ScheduleAsync(started, board.Refusing(recordId, request, kafkaKey, record, started.Traceparent, receivedAt), ct)
            .ConfigureAwait(false);
    }

    /// <summary>A redelivery: answered inside the duplicate window, or its instance exists (counted as a duplicate).</summary>
    private async Task<bool> KnownAsync(string id, CancellationToken ct)
    {
        if (await answered.FindAsync(id, ct).ConfigureAwait(false) is not null || await ExistsAsync(workflows, id, ct).ConfigureAwait(false))
        {
            JobMetrics.OnDuplicate(RunwireTelemetry.Transports.Dapr);
            return true;
        }
        return false;
    }

    /// <summary>Starts the instance; the console's entry for it (<paramref name="held"/>) is let go when it is not started.</summary>
    private async Task<bool> ScheduleAsync(JobStarted started, Runwire.WebConsole.Jobs.StoredJob? held, CancellationToken ct)
    {
        try
        {
            await workflows.ScheduleNewWorkflowAsync(nameof(ExecutionWorkflow), started.JobId, started, null, ct).ConfigureAwait(false);
            held = null;
            return true;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
        {
            // A concurrent delivery of the same job won the race (dapr-notes §3.3).
            JobMetrics.OnDuplicate(RunwireTelemetry.Transports.Dapr);
            return false;
        }
        finally
        {
            // Not scheduled (another delivery won, or the sidecar failed): not a job of this replica.
            board.Forget(held);
        }
    }

    /// <summary>
    /// Any existing instance counts, finished ones too: daprd would otherwise reset a completed instance and run the
    /// job again (dapr-notes §3.3). Once daprd purged it (stateRetentionPolicy), <see cref="AnsweredJobs"/> still knows it.
    /// </summary>
    internal static async Task<bool> ExistsAsync(IDaprWorkflowClient workflows, string id, CancellationToken ct) =>
        await WorkflowStates.FindAsync(workflows, id, withPayloads: false, ct).ConfigureAwait(false) is not null;
}
