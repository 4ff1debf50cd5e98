namespace Runwire.DataAdapters.Kafka;

/// <summary>
/// Settings of the Kafka adapter (<c>Runwire:Adapters:Kafka</c>, or hetida's <c>HD_KAFKA_CONFIGS</c>): the named Kafka
/// configs, and how long a job waits for a message when it reads a Kafka source outside consumption mode.
/// </summary>
public sealed record KafkaOptions(IReadOnlyDictionary<string, KafkaTopicConfig> Configs, TimeSpan ReceiveTimeout)
{
    public static readonly TimeSpan DefaultReceiveTimeout = TimeSpan.FromSeconds(60);
}

/// <summary>
/// One named Kafka config (hetida's <c>KafkaConfig</c>): a topic, the external types it offers (all when null),
/// whether it offers sources (<paramref name="Consumable"/>) and sinks (<paramref name="Producable"/>), the client
/// settings as librdkafka properties, and the consumption mode's commit and error choices.
/// </summary>
public sealed record KafkaTopicConfig(
    string DisplayName,
    string Topic,
    IReadOnlyList<string>? Types,
    bool Producable,
    bool Consumable,
    IReadOnlyDictionary<string, string> ProducerConfig,
    IReadOnlyDictionary<string, string> ConsumerConfig,
    bool ConsumerCommitAfter = false,
    bool ConsumerCommitBefore = false,
    bool ContinueConsumptionAfterException = false)
{
    /// <summary>The external types offered, in hetida's order.</summary>
    public IReadOnlyList<string> OfferedTypes => Types ?? Runwire.Core.Contracts.ExternalTypes.Canonical;

    public bool Offers(string canonicalType) => OfferedTypes.Contains(canonicalType);

    /// <summary>The consumer's <c>group.id</c>, null when none is set (commits then have no effect, as in hetida).</summary>
    public string? GroupId => ConsumerConfig.GetValueOrDefault("group.id");
}
