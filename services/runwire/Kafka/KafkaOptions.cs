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
    IReadOnlyDictionary<string, string> Consumer,
    IReadOnlyDictionary<string, string> Producer)
{
    public bool Enabled => !string.IsNullOrWhiteSpace(BootstrapServers);

    public static KafkaOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Kafka");
        return new KafkaOptions(
            section["BootstrapServers"],
            section["JobsTopic"] ?? DaprNames.JobsTopic,
            section["ResultsTopic"] ?? DaprNames.ResultsTopic,
            section["DeadLetterTopic"] ?? DaprNames.JobsTopic + "_dead_letter",
            section["GroupId"] ?? "runwire",
            section.GetValue<int?>("SessionTimeoutMs"),
            section.GetValue<int?>("HeartbeatIntervalMs"),
            Math.Max(10, section.GetValue("CommitIntervalMs", 100)),
            TimeSpan.FromSeconds(Math.Max(1, section.GetValue("RevokeWaitSeconds", 60))),
            TimeSpan.FromMilliseconds(Math.Max(0, section.GetValue("PauseAfterMs", 1000))),
            Pairs(section.GetSection("Consumer")),
            Pairs(section.GetSection("Producer")));
    }

    private static Dictionary<string, string> Pairs(IConfigurationSection section) =>
        section.GetChildren().Where(c => c.Value is not null).ToDictionary(c => c.Key, c => c.Value!);
}
