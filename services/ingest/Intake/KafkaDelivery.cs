using System.Globalization;
using Runwire.Core.Contracts;

namespace Runwire.Ingest.Intake;

/// <summary>
/// What daprd tells ingest about a Kafka record besides its bytes: every entry of the message metadata arrives as an
/// HTTP header of the same name (dapr-notes §1.2, §1.3). <c>__key</c> is absent when the record has no key.
/// </summary>
internal sealed record KafkaDelivery(string? Key, string? Topic, string? Partition, string? Offset, string? Traceparent)
{
    public static KafkaDelivery From(IHeaderDictionary headers) => new(
        Header(headers, "__key"),
        Header(headers, "__topic"),
        Header(headers, "__partition"),
        Header(headers, "__offset"),
        Header(headers, "traceparent"));

    /// <summary>
    /// A job id for a record whose payload names none: the same topic, partition and offset give the same id, so a
    /// redelivered record maps to the same workflow instance and is not executed twice. daprd does not pass the
    /// cluster or topic id, so unlike the standalone host's ids these are scoped to the topic name only.
    /// </summary>
    public Guid? StableJobId() =>
        Topic is not null && int.TryParse(Partition, NumberStyles.None, CultureInfo.InvariantCulture, out var partition)
        && long.TryParse(Offset, NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? RecordJobId.From(Topic, partition, offset)
            : null;

    /// <summary>Where the record lies, as the standalone host's console names it (<c>topic [partition] @offset</c>).</summary>
    public string? Record => Topic is null ? null : $"{Topic} [{Partition}] @{Offset}";

    private static string? Header(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out var value) && value.Count > 0 ? value[0] : null;
}
