using Dapr.Workflow;
using Runwire.Core.Contracts;
using Runwire.Core.Contracts.Steps;
using Runwire.Ingest.Execution.Activities;
using Runwire.Ingest.Payloads;

namespace Runwire.Ingest.Execution;

/// <summary>
/// One job: prepare (executor) → load inputs (adapters) → run (executor) → send outputs (adapters) → answer (publish
/// for Kafka jobs; counted for all).
/// Activities only throw for transient faults, which the retry policy retries; refusals and failures of the job itself
/// come back as results, so they are never retried. Deterministic: no clock, GUIDs or I/O here (dapr-notes §3.5).
/// </summary>
internal sealed class ExecutionWorkflow : Workflow<JobStarted, JobOutcome>
{
    // Changing the policy or the order of steps changes the replay of in-flight instances: a breaking change.
    internal static readonly WorkflowTaskOptions Retry = new(new WorkflowRetryPolicy(
        maxNumberOfAttempts: 5,
        firstRetryInterval: TimeSpan.FromSeconds(1),
        backoffCoefficient: 2.0,
        maxRetryInterval: TimeSpan.FromSeconds(30)));

    public override async Task<JobOutcome> RunAsync(WorkflowContext context, JobStarted input)
    {
        if (input.Answering is { } waiting)
        {
            return await AnswerAsync(context, input, waiting);
        }
        var (outcome, outputTypes) = await ExecuteAsync(context, input);
        return await AnswerAsync(context, input, new PendingAnswer(outcome, outputTypes, context.CurrentUtcDateTime, 0, Fallback: false));
    }

    /// <summary>
    /// Every job ends here, published or not, so its answer is counted once (in the activity: workflow code is replayed).
    /// This is the only retry layer of the publish (resiliency.yaml has none for it): a transient fault waits on a
    /// durable timer and tries again for <see cref="AnswerRetry.For"/>, hours by default, so a broker outage delays the
    /// answer instead of losing it; a permanent refusal (too large, not authorised) publishes a ResultPublishError instead.
    /// </summary>
    private static async Task<JobOutcome> AnswerAsync(WorkflowContext context, JobStarted input, PendingAnswer pending)
    {
        var retry = input.Retry ?? DaprSettings.Default.AnswerRetry;
        var failedHere = 0;
        while (true)
        {
            string fault;
            try
            {
                var receipt = await context.CallActivityAsync<AnswerReceipt>(nameof(PublishResultActivity),
                    new PublishResultInput(input.Trace(), pending.Outcome.Result, input.PublishResult, input.ReceivedAt));
                if (receipt.Refused is null)
                {
                    return pending.Outcome;
                }
                if (pending.Fallback)
                {
                    throw new InvalidOperationException($"Neither the result nor its ResultPublishError could be published: {receipt.Refused}");
                }
                // The result itself cannot go out (e.g. larger than the broker takes): say so in a result that fits.
                var failure = new RecordFailureInput(input.Trace(), "ResultPublishError",
                    $"The result could not be published to the result topic: {receipt.Refused}",
                    nameof(ProcessStage.ENCODING_RESULTS_TO_JSON), pending.OutputTypes, JobOutcome.Executed, 200);
                var fallback = await context.CallActivityAsync<JobOutcome>(nameof(RecordFailureActivity), failure, Retry);
                pending = pending with { Outcome = fallback, Fallback = true };
                continue;
            }
            catch (WorkflowTaskFailedException e)
            {
                fault = e.FailureDetails?.ErrorMessage ?? e.Message;
            }
            pending = pending with { FailedAttempts = pending.FailedAttempts + 1 };
            if (context.CurrentUtcDateTime - pending.Since >= retry.For)
            {
                throw new InvalidOperationException(
                    $"The answer could not be published in {retry.For} ({pending.FailedAttempts} attempts); the last fault: {fault}");
            }
            await context.CreateTimer(Backoff(retry, pending.FailedAttempts), CancellationToken.None);
            // Every attempt adds an activity and a timer to the history, with a result of up to 32 KiB inline in each
            // (dapr-notes §3.5, §3.6): a new generation starts with an empty one.
            if (++failedHere >= retry.PerGeneration)
            {
                context.ContinueAsNew(input with { Answering = pending }, preserveUnprocessedEvents: false);
                return pending.Outcome;
            }
        }
    }

    internal static TimeSpan Backoff(AnswerRetry retry, int failedAttempts)
    {
        var factor = Math.Pow(2, Math.Min(failedAttempts - 1, 30));
        return TimeSpan.FromTicks((long)Math.Min(retry.MaxDelay.Ticks, retry.Delay.Ticks * factor));
    }

    private static async Task<(JobOutcome Outcome, IReadOnlyList<NamedType> OutputTypes)> ExecuteAsync(WorkflowContext context, JobStarted input)
    {
        var job = input.Trace();
        var stage = ProcessStage.PARSING_WORKFLOW;
        IReadOnlyList<NamedType> outputTypes = [];
        try
        {
            var prepared = await context.CallActivityAsync<PrepareOutput>(nameof(PrepareJobActivity), new PrepareInput(job, input.Job), Retry);
            if (prepared.Refused is { } refused)
            {
                return (refused, outputTypes);
            }
            var plan = prepared.Job!;
            outputTypes = plan.OutputTypes;
            PayloadRef? loaded = null;
            if (plan.Loads.Count > 0)
            {
                stage = ProcessStage.LOADING_DATA_FROM_ADAPTERS;
                var load = await context.CallActivityAsync<LoadInputsOutput>(nameof(LoadInputsActivity),
                    new LoadInputsInput(job, plan.TransformationId, plan.Loads, outputTypes), Retry);
                if (load.Failed is { } failed)
                {
                    return (failed, outputTypes);
                }
                loaded = load.Values;
            }
            stage = ProcessStage.EXECUTING_COMPONENT_CODE;
            var sinks = plan.Sends.Select(s => s.Wiring.WorkflowOutputName).ToList();
            var run = await context.CallActivityAsync<RunGraphOutput>(nameof(RunGraphActivity),
                new RunGraphInput(job, input.Job, loaded, sinks), Retry);
            if (!run.Ok || run.Pending is null)
            {
                return (run.Outcome, outputTypes);
            }
            stage = ProcessStage.SENDING_DATA_TO_ADAPTERS;
            return (await context.CallActivityAsync<JobOutcome>(nameof(SendOutputsActivity),
                new SendOutputsInput(job, plan.TransformationId, plan.Sends, run.Pending, run.Outcome, outputTypes, input.ReceivedAt), Retry), outputTypes);
        }
        catch (WorkflowTaskFailedException e)
        {
            // Every job gets one answer: a step that still fails after its retries becomes a failure result.
            var adapters = stage is ProcessStage.LOADING_DATA_FROM_ADAPTERS or ProcessStage.SENDING_DATA_TO_ADAPTERS;
            var failure = new RecordFailureInput(
                job,
                adapters ? "AdapterConnectionError" : "TrafoExecutionRuntimeConnectionError",
                $"{(adapters ? "The adapters service" : "The executor")} failed after {Retry.RetryPolicy!.MaxNumberOfAttempts} attempts: {e.FailureDetails?.ErrorMessage ?? e.Message}",
                stage.ToString(),
                outputTypes,
                adapters ? JobOutcome.Executed : JobOutcome.Unavailable,
                adapters ? 200 : 500);
            return (await context.CallActivityAsync<JobOutcome>(nameof(RecordFailureActivity), failure, Retry), outputTypes);
        }
    }
}
