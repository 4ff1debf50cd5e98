using System.Diagnostics;
using Dapr.Client;
using Runwire.Core.Contracts;
using Runwire.Core.Telemetry;
using Runwire.ServiceDefaults;
using Tags = Runwire.Core.Telemetry.RunwireTelemetry.Tags;

namespace Runwire.Ingest.Execution;

/// <summary>Publishes a job's result to the result topic (<see cref="JobTopics.Results"/>) as raw JSON with the job's Kafka key.</summary>
internal sealed class ResultPublisher(DaprClient dapr, JobTopics topics)
{
    private readonly string _spanName = RunwireTelemetry.Spans.Publish + " " + topics.Results;

    /// <summary>
    /// Publishes inside a Producer span under the current one. The record's <c>traceparent</c> is that span when
    /// tracing is on, else <paramref name="traceparent"/> (the job's own), so a consumer always continues the job's trace.
    /// <paramref name="summary"/> marks the span with the job's error, the place a trace shows a failed job's outcome.
    /// </summary>
    public async Task PublishAsync(ReadOnlyMemory<byte> result, ExecutionResult summary, string? kafkaKey, string? traceparent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(summary);
        using var span = RunwireTelemetry.Start(_spanName, ActivityKind.Producer);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(Tags.MessagingSystem, "kafka");
            span.SetTag(Tags.MessagingOperation, "send");
            span.SetTag(Tags.MessagingDestination, topics.Results);
            span.SetTag(Tags.JobId, summary.JobId.ToString("D"));
            span.SetTag(Tags.Transport, RunwireTelemetry.Transports.Dapr);
            if (summary.Error is { } error)
            {
                span.Fail(error.Type, error.ProcessStage.ToString());
            }
        }
        try
        {
            // PublishByteEventAsync sends the bytes unchanged (PublishEventAsync<T> would re-serialise them camelCase).
            await dapr.PublishByteEventAsync(DaprNames.PubSub, topics.Results, result, "application/json",
                Metadata(kafkaKey, span?.Id ?? traceparent), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (span is not null)
        {
            span.SetStatus(ActivityStatusCode.Error, e.Message);
            span.SetTag(Tags.ErrorType, e.GetType().FullName);
            throw;
        }
    }

    /// <summary>
    /// rawPayload skips the CloudEvent envelope, so the record value is hetida's result JSON; partitionKey becomes the
    /// record key. The Kafka component turns every entry into a record header too: its <c>excludeHeaderMetaRegex</c>
    /// drops all but <c>traceparent</c>, which lets a consumer continue the job's trace.
    /// </summary>
    internal static Dictionary<string, string> Metadata(string? kafkaKey, string? traceparent)
    {
        var metadata = new Dictionary<string, string> { ["rawPayload"] = "true" };
        if (!string.IsNullOrEmpty(kafkaKey))
        {
            metadata["partitionKey"] = kafkaKey;
        }
        if (!string.IsNullOrEmpty(traceparent))
        {
            metadata["traceparent"] = traceparent;
        }
        return metadata;
    }
}
