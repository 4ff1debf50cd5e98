using Dapr.Client;
using Runwire.ServiceDefaults;

namespace Runwire.Ingest.Execution;

/// <summary>Publishes a job's result to the result topic as raw JSON with the job's Kafka key.</summary>
internal sealed class ResultPublisher(DaprClient dapr)
{
    public Task PublishAsync(ReadOnlyMemory<byte> result, string? kafkaKey, string? traceparent, CancellationToken ct) =>
        // PublishByteEventAsync sends the bytes unchanged (PublishEventAsync<T> would re-serialise them camelCase).
        dapr.PublishByteEventAsync(DaprNames.PubSub, DaprNames.ResultsTopic, result, "application/json", Metadata(kafkaKey, traceparent), ct);

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
