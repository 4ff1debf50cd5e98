using Runwire.Core.Contracts;
using Runwire.DataAdapters.Kafka;

namespace Runwire.Host.Consume;

/// <summary>
/// The fixed execution input, what it listens to, where failed messages go, and how many messages run at once
/// (<c>Runwire:Consume:MaxInFlight</c>).
/// </summary>
internal sealed record ConsumeOptions(ExecutionJob Job, KafkaConsumption Plan, string DeadLetterTopic, int MaxInFlight = ConsumeOptions.DefaultMaxInFlight)
{
    public const int DefaultMaxInFlight = 64;
}
