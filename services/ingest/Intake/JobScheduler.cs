using System.Diagnostics;
using System.Text.Json;
using Dapr.Workflow;
using Grpc.Core;
using Runwire.Core.Contracts;
using Runwire.Core.Contracts.Steps;
using Runwire.Core.Engine;
using Runwire.Core.Telemetry;
using Runwire.Ingest.Board;
using Runwire.Ingest.Execution;
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
        return await StartOnceAsync(job.JobId.ToString("D"), async id =>
        {
            var canonical = JsonSerializer.SerializeToUtf8Bytes(job, StepJson.Options);
            var reference = await payloads.PutAsync(id, "job", canonical, ct).ConfigureAwait(false);
            return new JobStarted(id, reference, publishResult, kafkaKey, traceparent ?? Activity.Current?.Id, receivedAt, settings.AnswerRetry);
        }, started => board.Scheduled(job, request, publishResult, kafkaKey, record, started.Traceparent, receivedAt), ct).ConfigureAwait(false);
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
        return await StartOnceAsync(recordId.ToString("D"), async id =>
        {
            var result = await payloads.PutAsync(id, "result", refusal.ToUtf8(), ct).ConfigureAwait(false);
            var outcome = new JobOutcome(refusal.Kind.ToString(), refusal.HttpStatus, result, null);
            return new JobStarted(id, result, PublishResult: true, kafkaKey, traceparent ?? Activity.Current?.Id, receivedAt, settings.AnswerRetry,
                Answering: new PendingAnswer(outcome, [], receivedAt.UtcDateTime, 0, Fallback: false));
        }, started => board.Refusing(recordId, request, kafkaKey, record, started.Traceparent, receivedAt), ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts the instance <paramref name="id"/> unless it was answered inside the duplicate window or exists already
    /// (a redelivery, counted as a duplicate); <paramref name="input"/> stores what it needs and gives its input.
    /// <paramref name="hold"/> lists it in the console before it starts, so its answer (which may come at once) finds it.
    /// </summary>
    private async Task<bool> StartOnceAsync(
        string id, Func<string, Task<JobStarted>> input, Func<JobStarted, Runwire.WebConsole.Jobs.StoredJob?> hold, CancellationToken ct)
    {
        if (await answered.FindAsync(id, ct).ConfigureAwait(false) is not null || await ExistsAsync(workflows, id, ct).ConfigureAwait(false))
        {
            JobMetrics.OnDuplicate(RunwireTelemetry.Transports.Dapr);
            return false;
        }
        var started = await input(id).ConfigureAwait(false);
        var held = hold(started);
        try
        {
            await workflows.ScheduleNewWorkflowAsync(nameof(ExecutionWorkflow), id, started, null, ct).ConfigureAwait(false);
            held = null;
            return true;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
        {
            // A concurrent delivery of the same record won the race (dapr-notes §3.3).
            JobMetrics.OnDuplicate(RunwireTelemetry.Transports.Dapr);
            return false;
        }
        finally
        {
            // Not started (another delivery won, or the sidecar failed): not a job of this replica.
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
