using Runwire.Core.Contracts;
using Runwire.DataAdapters.Kafka;

namespace Runwire.Host.Consume;

/// <summary>The fixed execution input, what it listens to, and where failed messages go.</summary>
internal sealed record ConsumeOptions(ExecutionJob Job, KafkaConsumption Plan, string DeadLetterTopic);
