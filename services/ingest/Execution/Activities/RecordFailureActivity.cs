using Dapr.Workflow;
using Runwire.Core.Contracts;
using Runwire.Ingest.Payloads;

namespace Runwire.Ingest.Execution.Activities;

/// <summary>Writes the failure result for a step that kept failing after its retries, so the job still gets its one answer.</summary>
internal sealed class RecordFailureActivity(ClaimChecks payloads, ILogger<RecordFailureActivity> log) : WorkflowActivity<RecordFailureInput, JobOutcome>
{
    public override async Task<JobOutcome> RunAsync(WorkflowActivityContext context, RecordFailureInput input)
    {
        using var step = JobStep.Begin(log, nameof(RecordFailureActivity), input.Trace);
        return await Outcomes.FailureAsync(payloads, input.Trace.JobId, input.ErrorType, input.Message, Enum.Parse<ProcessStage>(input.ProcessStage),
            input.OutputTypes, input.Kind, input.HttpStatus, CancellationToken.None).ConfigureAwait(false);
    }
}
