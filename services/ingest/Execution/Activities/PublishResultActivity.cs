using System.Diagnostics;
using Dapr.Workflow;
using Runwire.Core.Telemetry;
using Runwire.Ingest.Payloads;

namespace Runwire.Ingest.Execution.Activities;

/// <summary>
/// Step 5: a Kafka job's result goes to the result topic, keyed like the job, carrying the job's trace. Every job's
/// answer is counted here, once: activities are not replayed, and a failed attempt throws before it counts.
/// </summary>
internal sealed class PublishResultActivity(ResultPublisher publisher, ClaimChecks payloads, ILogger<PublishResultActivity> log)
    : WorkflowActivity<PublishResultInput, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, PublishResultInput input)
    {
        using var step = JobStep.Begin(log, nameof(PublishResultActivity), input.Trace);
        var result = await payloads.GetAsync(input.Result, CancellationToken.None).ConfigureAwait(false);
        var summary = ResultSummary.Read(result.Span);
        if (input.Publish)
        {
            await publisher.PublishAsync(result, summary, input.Trace.KafkaKey, input.Trace.Traceparent, CancellationToken.None).ConfigureAwait(false);
        }
        else if (summary.Error is { } error)
        {
            // No publish span for a job the caller collects over HTTP: this step's span shows the failed outcome instead.
            Activity.Current.Fail(error.Type, error.ProcessStage.ToString());
        }
        JobMetrics.OnAnswered(summary, RunwireTelemetry.Transports.Dapr, DateTimeOffset.UtcNow - input.ReceivedAt);
        return true;
    }
}
