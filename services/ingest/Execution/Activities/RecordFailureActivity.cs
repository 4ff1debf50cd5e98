using Dapr.Workflow;
using Runwire.Core.Contracts;
using Runwire.Ingest.Payloads;

namespace Runwire.Ingest.Execution.Activities;

/// <summary>Writes the failure result for a step that kept failing after its retries, so the job still gets its one answer.</summary>
internal sealed class RecordFailureActivity(ClaimChecks payloads) : WorkflowActivity<RecordFailureInput, JobOutcome>
{
    public override Task<JobOutcome> RunAsync(WorkflowActivityContext context, RecordFailureInput input) =>
        Outcomes.FailureAsync(payloads, input.JobId, input.ErrorType, input.Message, Enum.Parse<ProcessStage>(input.ProcessStage),
            input.OutputTypes, input.Kind, input.HttpStatus, CancellationToken.None);
}
