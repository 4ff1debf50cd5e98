using Runwire.Core.Engine;

namespace Runwire.Host.Kafka;

/// <summary>
/// A record refused by its size without decoding: larger than <c>Kafka:MaxJobBytes</c>, or than the consumer can fetch
/// at all (<see cref="Size"/> is null when not even the probe could read it).
/// </summary>
internal sealed record Oversize(long? Size, long Limit, string LimitName)
{
    public JobAnswer Refusal(Guid jobId) => JobAnswering.TooLarge(jobId, Size, Limit, LimitName);
}
