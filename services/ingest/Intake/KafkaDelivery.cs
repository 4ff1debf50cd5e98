using System.Security.Cryptography;
using System.Text;

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
    /// redelivered record maps to the same workflow instance and is not executed twice.
    /// </summary>
    public Guid? StableJobId()
    {
        if (Topic is null || Partition is null || Offset is null)
        {
            return null;
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{Topic}/{Partition}/{Offset}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // RFC 9562 version 8: custom, name-based
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private static string? Header(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out var value) && value.Count > 0 ? value[0] : null;
}
