using System.Text.Json;
using System.Text.Json.Nodes;
using Dapr.Workflow;
using Runwire.Core.Contracts;
using Runwire.Ingest.Payloads;

namespace Runwire.Ingest.Execution.Activities;

/// <summary>Step 2: every input wired to an adapter is loaded, one call per adapter id; the values go on by reference when large.</summary>
internal sealed class LoadInputsActivity(AdaptersClient adapters, ClaimChecks payloads, ILogger<LoadInputsActivity> log) : WorkflowActivity<LoadInputsInput, LoadInputsOutput>
{
    public override async Task<LoadInputsOutput> RunAsync(WorkflowActivityContext context, LoadInputsInput input)
    {
        using var step = JobStep.Begin(log, nameof(LoadInputsActivity), input.Trace);
        var values = new JsonObject();
        foreach (var group in input.Loads.GroupBy(l => l.Wiring.AdapterId.Value, StringComparer.Ordinal))
        {
            var (loaded, refusal) = await adapters.LoadAsync(group.Key, input.Trace.JobId, input.TransformationId, [.. group], CancellationToken.None)
                .ConfigureAwait(false);
            if (refusal is not null)
            {
                return new LoadInputsOutput(null, await Outcomes.FailureAsync(payloads, input.Trace.JobId, refusal.Type, refusal.Message,
                    ProcessStage.LOADING_DATA_FROM_ADAPTERS, input.OutputTypes, JobOutcome.Executed, 200, CancellationToken.None).ConfigureAwait(false));
            }
            foreach (var (name, value) in loaded!)
            {
                // Values are direct_provisioning text; an adapter that answers with a JSON value means that value's text.
                values[name] = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value?.ToJsonString() ?? "null";
            }
        }
        var reference = await payloads.PutAsync(input.Trace.JobId, "loaded", Outcomes.Bytes(values), CancellationToken.None).ConfigureAwait(false);
        return new LoadInputsOutput(reference, null);
    }
}
