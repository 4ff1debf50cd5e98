using System.Text.Json.Serialization;

namespace Runwire.Ingest.Intake;

/// <summary>The body daprd reads from a subscriber's 2xx answer (dapr-notes §1.6): SUCCESS acks, RETRY redelivers, DROP dead-letters.</summary>
internal sealed record TopicAnswer([property: JsonPropertyName("status")] string Status)
{
    public static TopicAnswer Success { get; } = new("SUCCESS");

    public static TopicAnswer Retry { get; } = new("RETRY");

    public static TopicAnswer Drop { get; } = new("DROP");
}
