namespace Runwire.Host.Kafka;

/// <summary>
/// Settings under <c>Kafka:Health:</c> (docs/limits.md): <c>/healthz</c> reports Degraded when the broker has not
/// answered the watch's metadata request for <c>ProbeTimeoutSeconds</c> (asked every <c>ProbeIntervalSeconds</c>), or
/// when more than <c>MaxPendingAnswers</c> answers wait for the broker, or the oldest has waited longer than
/// <c>MaxPendingAgeSeconds</c>.
/// </summary>
internal sealed record KafkaHealthOptions(TimeSpan ProbeInterval, TimeSpan ProbeTimeout, int MaxPendingAnswers, TimeSpan MaxPendingAge)
{
    public static KafkaHealthOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Kafka:Health");
        return new KafkaHealthOptions(
            TimeSpan.FromSeconds(Math.Max(0.1, section.GetValue("ProbeIntervalSeconds", 5.0))),
            TimeSpan.FromSeconds(Math.Max(0.1, section.GetValue("ProbeTimeoutSeconds", 5.0))),
            Math.Max(1, section.GetValue("MaxPendingAnswers", 1000)),
            TimeSpan.FromSeconds(Math.Max(0.1, section.GetValue("MaxPendingAgeSeconds", 30.0))));
    }
}
