using System.Diagnostics;
using Dapr.Workflow;
using Runwire.Core.Telemetry;
using Runwire.Ingest.Board;
using Runwire.Ingest.Payloads;

namespace Runwire.Ingest.Execution.Activities;

/// <summary>
/// Step 5: a Kafka job's result goes to the result topic, keyed like the job, carrying the job's trace. Tried once per
/// run: a transient fault throws and the workflow tries again after a durable timer; a permanent one comes back as
/// <see cref="AnswerReceipt.Refused"/>. The answer is recorded in <see cref="AnsweredJobs"/> and counted once: daprd
/// may dispatch this activity again after it ran (a worker lost before it reported back), and the record makes that
/// run publish and count nothing.
/// </summary>
internal sealed class PublishResultActivity(
    ResultPublisher publisher, ClaimChecks payloads, AnsweredJobs answered, JobBoard board, ILogger<PublishResultActivity> log)
    : WorkflowActivity<PublishResultInput, AnswerReceipt>
{
    private static readonly AnswerReceipt Done = new(null);

    public override async Task<AnswerReceipt> RunAsync(WorkflowActivityContext context, PublishResultInput input)
    {
        using var step = JobStep.Begin(log, nameof(PublishResultActivity), input.Trace);
        var ct = CancellationToken.None;
        if (await answered.FindAsync(input.Trace.JobId, ct).ConfigureAwait(false) is not null)
        {
            return Done;
        }
        var result = await payloads.GetAsync(input.Result, ct).ConfigureAwait(false);
        var summary = ResultSummary.Read(result.Span);
        if (input.Publish)
        {
            try
            {
                await publisher.PublishAsync(result, summary, input.Trace.KafkaKey, input.Trace.Traceparent, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (PublishFaults.Permanent(e) is { } reason)
            {
                Log.PublishRefused(log, reason);
                return new AnswerReceipt(reason);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The workflow sees only this message: name the sidecar's reason, not DaprClient's wrapper text.
                throw new InvalidOperationException($"Publishing the answer failed: {PublishFaults.Describe(e)}", e);
            }
        }
        else if (summary.Error is { } error)
        {
            // No publish span for a job the caller collects over HTTP: this step's span shows the failed outcome instead.
            Activity.Current.Fail(error.Type, error.ProcessStage.ToString());
        }
        try
        {
            await answered.RecordAsync(input.Trace.JobId, new AnsweredJob(summary.Ok ? "ok" : "failure", DateTimeOffset.UtcNow), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The answer is out: throwing now would publish it again. Until its instance is purged, the instance itself
            // still marks the job as answered.
            Log.AnswerNotRecorded(log, e);
        }
        JobMetrics.OnAnswered(summary, RunwireTelemetry.Transports.Dapr, DateTimeOffset.UtcNow - input.ReceivedAt);
        board.Answered(input.Trace.JobId, result, summary);
        return Done;
    }
}
