using Dapr.Workflow;
using Runwire.Ingest.Board;
using Runwire.Ingest.Payloads;

namespace Runwire.Ingest.Execution.Activities;

/// <summary>Step 1: the executor resolves the transformation and checks the wiring; a refusal ends the job with its failure result.</summary>
internal sealed class PrepareJobActivity(ExecutorClient executor, ClaimChecks payloads, JobBoard board, ILogger<PrepareJobActivity> log)
    : WorkflowActivity<PrepareInput, PrepareOutput>
{
    public override async Task<PrepareOutput> RunAsync(WorkflowActivityContext context, PrepareInput input)
    {
        using var step = JobStep.Begin(log, nameof(PrepareJobActivity), input.Trace);
        board.Running(input.Trace.JobId);
        var job = await payloads.GetAsync(input.Job, CancellationToken.None).ConfigureAwait(false);
        var answer = await executor.PrepareAsync(job, CancellationToken.None).ConfigureAwait(false);
        return answer.Prepared is { } prepared
            ? new PrepareOutput(null, prepared)
            : new PrepareOutput(await Outcomes.FromAnswerAsync(payloads, input.Trace.JobId, answer, CancellationToken.None).ConfigureAwait(false), null);
    }
}
