using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Runwire.Host.Kafka;

/// <summary>
/// The Kafka transport's part of <c>/healthz</c>: Degraded (not Unhealthy: a restart would not bring the broker back,
/// and the host keeps its jobs until it can answer) while the broker is unreachable or answers back up.
/// </summary>
internal sealed class KafkaHealthCheck(BrokerWatch watch, AnswerPublisher publisher, KafkaOptions options, KafkaHealthOptions health) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pending = publisher.PendingCount;
        var oldest = publisher.OldestPendingAge;
        var data = new Dictionary<string, object>
        {
            ["bootstrap_servers"] = options.BootstrapServers!,
            ["pending_answers"] = pending,
            ["oldest_pending_answer_seconds"] = Math.Round(oldest.TotalSeconds, 3),
        };
        var reasons = new List<string>();
        if (watch.Unreachable is { } down)
        {
            data["broker_unreachable_since"] = down.Since.ToString("O", CultureInfo.InvariantCulture);
            reasons.Add($"The Kafka broker at {options.BootstrapServers} has not answered since {down.Since:O} ({down.Reason}).");
        }
        if (pending > health.MaxPendingAnswers)
        {
            reasons.Add($"{pending} answers wait for the broker, more than Kafka:Health:MaxPendingAnswers ({health.MaxPendingAnswers}).");
        }
        if (oldest > health.MaxPendingAge)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture,
                $"The oldest unpublished answer has waited {oldest.TotalSeconds:0.#} s, more than Kafka:Health:MaxPendingAgeSeconds ({health.MaxPendingAge.TotalSeconds:0.#} s)."));
        }
        return Task.FromResult(reasons.Count == 0
            ? HealthCheckResult.Healthy("The Kafka broker answers and answers are published.", data)
            : HealthCheckResult.Degraded(string.Join(" ", reasons), data: data));
    }
}
