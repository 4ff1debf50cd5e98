using System.Diagnostics;
using Dapr.Workflow;
using Runwire.Ingest.Payloads;

namespace Runwire.Ingest.Execution.Activities;

/// <summary>Step 5: the result goes to the result topic, keyed like the job, carrying the job's trace.</summary>
internal sealed class PublishResultActivity(ResultPublisher publisher, ClaimChecks payloads) : WorkflowActivity<PublishResultInput, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, PublishResultInput input)
    {
        var result = await payloads.GetAsync(input.Result, CancellationToken.None).ConfigureAwait(false);
        await publisher.PublishAsync(result, input.KafkaKey, Traceparent(input.Traceparent), CancellationToken.None).ConfigureAwait(false);
        return true;
    }

    /// <summary>This activity's span when daprd carried the job's trace into it, else the trace the job arrived with.</summary>
    internal static string? Traceparent(string? job)
    {
        var current = Activity.Current;
        if (current is null || current.IdFormat != ActivityIdFormat.W3C)
        {
            return job;
        }
        if (job is null || ActivityContext.TryParse(job, null, out var parent) && parent.TraceId == current.TraceId)
        {
            return current.Id;
        }
        return job;
    }
}
