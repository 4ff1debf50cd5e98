using System.Text.Json;
using Dapr.Workflow;
using Runwire.Core.Contracts;
using Runwire.Core.Contracts.Steps;
using Runwire.Core.Telemetry;
using Runwire.Ingest.Execution;
using Runwire.Ingest.Payloads;
using Runwire.WebConsole.Jobs;
using Outcome = Runwire.WebConsole.Jobs.JobOutcome;

namespace Runwire.Ingest.Board;

/// <summary>
/// The workflow state as the console's second source: a job's steps may run on any replica, so a held job that is not
/// finished here is read from its workflow instance before it is shown (and finished from its answer), and a job this
/// replica does not hold is shown from its instance as <c>GET /jobs/{id}</c> answers it.
/// </summary>
internal sealed class WorkflowJobSource(
    IDaprWorkflowClient workflows, ClaimChecks payloads, AnsweredJobs answered, JobBoard board, ILogger<WorkflowJobSource> log) : IJobStateSource
{
    // A page waits this long at most for the sidecar; a job not read by then is shown as held, and read at the next refresh.
    internal static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(2);

    public async Task RefreshAsync(IReadOnlyList<StoredJob> unfinished, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(unfinished);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ReadTimeout);
        await Task.WhenAll(unfinished.Select(job => RefreshAsync(job, timeout.Token))).ConfigureAwait(false);
    }

    public async Task<StoredJob?> FindAsync(Guid jobId, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ReadTimeout);
        var id = jobId.ToString("D");
        try
        {
            if (await WorkflowStates.FindAsync(workflows, id, withPayloads: true, timeout.Token).ConfigureAwait(false) is not { } state
                || state.ReadInputAs<JobStarted>() is not { } input)
            {
                return null;
            }
            // A refused record's instance carries its failure result where a job's carries the job (JobScheduler.AnswerRefusalAsync).
            var refused = input.Answering is { } answering && answering.Outcome.Result == input.Job;
            var request = refused ? null : await ReadOrNullAsync(input.Job, timeout.Token).ConfigureAwait(false);
            var job = request is null ? null : JsonSerializer.Deserialize<ExecutionJob>(request, StepJson.Options);
            var entry = new StoredJob(jobId, input.PublishResult ? RunwireTelemetry.Transports.Kafka : RunwireTelemetry.Transports.Http, request, input.ReceivedAt)
            {
                TransformationId = job?.TransformationId,
                KafkaKey = input.KafkaKey,
                TraceId = JobBoard.TraceId(input.Traceparent),
            };
            var answer = await ReadAnswerAsync(id, state, timeout.Token).ConfigureAwait(false);
            var started = state.RuntimeStatus == WorkflowRuntimeStatus.Pending ? (DateTimeOffset?)null : state.CreatedAt;
            return StoredJob.Snapshot(entry, started, answer?.At, answer?.Result, answer?.Outcome);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Log.JobStateUnread(log, e, id);
            return null;
        }
    }

    private async Task RefreshAsync(StoredJob job, CancellationToken ct)
    {
        try
        {
            var state = await WorkflowStates.FindAsync(workflows, job.IdText, withPayloads: true, ct).ConfigureAwait(false);
            if (await ReadAnswerAsync(job.IdText, state, ct).ConfigureAwait(false) is { } answer)
            {
                board.AnsweredElsewhere(job.IdText, answer.Result, answer.Outcome, answer.At);
            }
            else if (state is not null && state.RuntimeStatus != WorkflowRuntimeStatus.Pending)
            {
                board.Running(job.IdText);
            }
        }
        // One job that cannot be read (sidecar away, timeout) leaves the others and the page as they are.
        catch (Exception e)
        {
            Log.JobStateUnread(log, e, job.IdText);
        }
    }

    /// <summary>The job's answer when it has one: the result of a completed instance, the failure of a failed one, or
    /// (its instance purged) the answer record, which keeps only ok or failure.</summary>
    private async Task<Answer?> ReadAnswerAsync(string id, WorkflowState? state, CancellationToken ct)
    {
        switch (state?.RuntimeStatus)
        {
            case WorkflowRuntimeStatus.Completed when state.ReadOutputAs<Execution.JobOutcome>() is { } outcome
                && await ReadOrNullAsync(outcome.Result, ct).ConfigureAwait(false) is { } result:
                return new Answer(result, Outcome.Of(ResultSummary.Read(result)), state.LastUpdatedAt);
            case WorkflowRuntimeStatus.Failed or WorkflowRuntimeStatus.Terminated or WorkflowRuntimeStatus.Canceled:
                return new Answer(null, new Outcome("WorkflowFailed", null, state.FailureDetails?.ErrorMessage ?? $"The job's workflow ended {state.RuntimeStatus}."),
                    state.LastUpdatedAt);
            case null or WorkflowRuntimeStatus.Completed:
                return await answered.FindAsync(id, ct).ConfigureAwait(false) is { } record
                    ? new Answer(null, record.Result == "ok" ? new Outcome() : new Outcome(ExpiredType, null, ExpiredMessage), record.AnsweredAt)
                    : null;
            default:
                return null;
        }
    }

    internal const string ExpiredType = "ResultExpired";

    private const string ExpiredMessage = "The job was answered with a failure; its workflow state and result have since expired, so the error's details are gone.";

    private async Task<byte[]?> ReadOrNullAsync(PayloadRef reference, CancellationToken ct)
    {
        try
        {
            return (await payloads.GetAsync(reference, ct).ConfigureAwait(false)).ToArray();
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }

    private sealed record Answer(byte[]? Result, Outcome Outcome, DateTimeOffset At);
}
