using System.Text.Json.Nodes;
using Dapr.Workflow;
using Runwire.Core.Contracts;
using Runwire.Ingest.Payloads;

namespace Runwire.Ingest.Execution.Activities;

/// <summary>Step 4: outputs wired to adapters are sent, one call per adapter id; a refusal turns the result into a failure.</summary>
internal sealed class SendOutputsActivity(AdaptersClient adapters, ClaimChecks payloads, ILogger<SendOutputsActivity> log) : WorkflowActivity<SendOutputsInput, JobOutcome>
{
    public override async Task<JobOutcome> RunAsync(WorkflowActivityContext context, SendOutputsInput input)
    {
        using var step = JobStep.Begin(log, nameof(SendOutputsActivity), input.Trace);
        var ct = CancellationToken.None;
        var pending = JsonNode.Parse((await payloads.GetAsync(input.Pending, ct).ConfigureAwait(false)).Span) as JsonObject ?? [];
        foreach (var group in input.Sends.GroupBy(s => s.Wiring.AdapterId.Value, StringComparer.Ordinal))
        {
            var outputs = group.Select(s => (s, pending[s.Wiring.WorkflowOutputName]?.DeepClone())).ToList();
            if (await adapters.SendAsync(group.Key, input.Trace.JobId, input.TransformationId, outputs, input.JobTime, ct).ConfigureAwait(false) is { } refusal)
            {
                return await Outcomes.FailureAsync(payloads, input.Trace.JobId, refusal.Type, refusal.Message,
                    ProcessStage.SENDING_DATA_TO_ADAPTERS, input.OutputTypes, JobOutcome.Executed, 200, ct).ConfigureAwait(false);
            }
        }
        return input.Outcome;
    }
}
