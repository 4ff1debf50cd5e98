using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Runwire.Core.Contracts;

/// <summary>
/// The job id of a Kafka record whose payload names none: a name-based UUID (RFC 9562 version 8, SHA-256) of where the
/// record lies. Every copy of the record (a redelivery, a replay after a crash) gets the same id, so the answered log
/// and the result's consumer can both recognise it; a record at a reused offset of another cluster or another
/// incarnation of the topic gets another one.
/// </summary>
public static class RecordJobId
{
    /// <summary>
    /// The id of the record at <paramref name="topic"/>/<paramref name="partition"/>/<paramref name="offset"/>, scoped
    /// to the cluster id and the topic id (Kafka's topic UUID) where they are known.
    /// </summary>
    public static Guid From(string topic, int partition, long offset, string? clusterId = null, string? topicId = null)
    {
        ArgumentNullException.ThrowIfNull(topic);
        // Without a scope the name is the one Dapr mode has always hashed, so its workflow instance ids stay the same.
        var name = clusterId is null && topicId is null
            ? string.Create(CultureInfo.InvariantCulture, $"{topic}/{partition}/{offset}")
            : string.Create(CultureInfo.InvariantCulture, $"{clusterId}/{topic}@{topicId}/{partition}/{offset}");
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8: custom, name-based
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }
}
