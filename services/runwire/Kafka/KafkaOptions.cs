using Runwire.ServiceDefaults;

namespace Runwire.Host.Kafka;

/// <summary>
/// Settings under <c>Kafka:</c>; the transport runs only when <see cref="BootstrapServers"/> is set (<c>--kafka</c>,
/// <c>Kafka__BootstrapServers</c>). <c>Kafka:Consumer:*</c> and <c>Kafka:Producer:*</c> pass any librdkafka property
/// through (e.g. <c>Kafka:Consumer:security.protocol</c>), as hetida's <c>*_OPTIONS</c> do.
/// </summary>
internal sealed record KafkaOptions(
    string? BootstrapServers,
    string JobsTopic,
    string ResultsTopic,
    string DeadLetterTopic,
    string GroupId,
    int? SessionTimeoutMs,
    int? HeartbeatIntervalMs,
    int CommitIntervalMs,
    TimeSpan RevokeWait,
    TimeSpan PauseAfter,
    long MaxJobBytes,
    int ProbeMaxBytes,
    string AnsweredTopic,
    TimeSpan AnsweredRetention,
    long AnsweredLookback,
    TimeSpan AnsweredReadWait,
    IReadOnlyDictionary<string, string> Consumer,
    IReadOnlyDictionary<string, string> Producer)
{
    /// <summary>librdkafka's default: a fetch response above this fails, so no record of this size can be consumed.</summary>
    private const int DefaultReceiveMaxBytes = 100_000_000;

    public bool Enabled => !string.IsNullOrWhiteSpace(BootstrapServers);

    /// <summary>The largest fetch response the job consumer takes (<c>receive.message.max.bytes</c>).</summary>
    public int ReceiveMaxBytes => Consumer.TryGetValue("receive.message.max.bytes", out var value)
        && int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var bytes) ? bytes : DefaultReceiveMaxBytes;

    /// <summary>
    /// The configuration of a consumer that reads partitions it assigns itself (never subscribed: the group id is required
    /// by the client, but no group is joined and nothing is committed), with the user's <c>Kafka:Consumer:*</c> settings.
    /// </summary>
    public Confluent.Kafka.ConsumerConfig AssignedReaderConfig(string purpose, string clientId)
    {
        var config = new Confluent.Kafka.ConsumerConfig
        {
            BootstrapServers = BootstrapServers,
            GroupId = GroupId + "-" + purpose,
            ClientId = clientId,
            AutoOffsetReset = Confluent.Kafka.AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            EnablePartitionEof = true,
            FetchWaitMaxMs = 10,
        };
        foreach (var (key, value) in Consumer)
        {
            config.Set(key, value);
        }
        return config;
    }

    public static KafkaOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Kafka");
        var topics = JobTopics.From(configuration);
        var jobsTopic = topics.Jobs;
        return new KafkaOptions(
            section["BootstrapServers"],
            jobsTopic,
            topics.Results,
            topics.DeadLetter,
            section["GroupId"] ?? "runwire",
            section.GetValue<int?>("SessionTimeoutMs"),
            section.GetValue<int?>("HeartbeatIntervalMs"),
            Math.Max(10, section.GetValue("CommitIntervalMs", 100)),
            TimeSpan.FromSeconds(Math.Max(1, section.GetValue("RevokeWaitSeconds", 60))),
            TimeSpan.FromMilliseconds(Math.Max(0, section.GetValue("PauseAfterMs", 1000))),
            Math.Max(1, section.GetValue("MaxJobBytes", 64L * 1024 * 1024)),
            Math.Clamp(section.GetValue("ProbeMaxBytes", 1024 * 1024 * 1024), 1_000_000, int.MaxValue),
            // "" turns the shared answered topic off: duplicates are then suppressed per host only.
            section["AnsweredTopic"] ?? jobsTopic + "_answered",
            TimeSpan.FromHours(Math.Max(1, section.GetValue("AnsweredRetentionHours", 168))),
            Math.Max(1, section.GetValue("AnsweredLookback", 200_000L)),
            TimeSpan.FromSeconds(Math.Max(1, section.GetValue("AnsweredReadWaitSeconds", 30))),
            Pairs(section.GetSection("Consumer")),
            Pairs(section.GetSection("Producer")));
    }

    private static Dictionary<string, string> Pairs(IConfigurationSection section) =>
        section.GetChildren().Where(c => c.Value is not null).ToDictionary(c => c.Key, c => c.Value!);
}
