using System.Text.Json.Nodes;
using Dapr.Workflow;
using Runwire.Ingest.Payloads;

namespace Runwire.Ingest.Execution.Activities;

/// <summary>
/// Step 3: the executor runs the graph with the loaded values. Outputs wired to adapters come back in the result;
/// they are taken out of it here and kept for step 4, so the result holds only what hetida returns inline.
/// </summary>
internal sealed class RunGraphActivity(ExecutorClient executor, ClaimChecks payloads, ILogger<RunGraphActivity> log) : WorkflowActivity<RunGraphInput, RunGraphOutput>
{
    public override async Task<RunGraphOutput> RunAsync(WorkflowActivityContext context, RunGraphInput input)
    {
        using var step = JobStep.Begin(log, nameof(RunGraphActivity), input.Trace);
        var ct = CancellationToken.None;
        var job = await payloads.GetAsync(input.Job, ct).ConfigureAwait(false);
        var loaded = input.Loaded is null ? "{}"u8.ToArray() : await payloads.GetAsync(input.Loaded, ct).ConfigureAwait(false);
        var answer = await executor.RunAsync(job, loaded, input.Sinks, ct).ConfigureAwait(false);
        var ok = answer.Kind == JobOutcome.Executed && answer.Result?["result"]?.GetValue<string>() == "ok";
        PayloadRef? pending = null;
        if (ok && input.Sinks.Count > 0 && answer.Result!["output_results_by_output_name"] is JsonObject outputs)
        {
            var toSend = new JsonObject();
            foreach (var name in input.Sinks)
            {
                if (outputs.TryGetPropertyValue(name, out var value))
                {
                    outputs.Remove(name);
                    toSend[name] = value;
                }
            }
            pending = await payloads.PutAsync(input.Trace.JobId, "pending", Outcomes.Bytes(toSend), ct).ConfigureAwait(false);
        }
        var outcome = await Outcomes.FromAnswerAsync(payloads, input.Trace.JobId, answer, ct).ConfigureAwait(false);
        return new RunGraphOutput(outcome, ok, pending);
    }
}
