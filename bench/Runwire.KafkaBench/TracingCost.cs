using System.Globalization;

namespace Runwire.KafkaBench;

/// <summary>
/// The cost of tracing: the same scenarios with tracing off (the default: no exporter, no spans) and on (every span
/// sampled and exported over OTLP to a local collector), alternating off/on/on/off so drift hits both alike.
/// </summary>
internal static class TracingCost
{
    public static async Task RunAsync(IReadOnlyList<Scenario> scenarios, int jobs, int rounds, bool recordOnly)
    {
        await using var sink = await OtlpSink.StartAsync();
        var rows = new List<string>();
        foreach (var scenario in scenarios)
        {
            var off = new List<ScenarioResult>();
            var on = new List<ScenarioResult>();
            for (var round = 0; round < rounds; round++)
            {
                foreach (var tracing in round % 2 == 0 ? new[] { false, true } : [true, false])
                {
                    (tracing ? on : off).Add(await KafkaRoundTrip.RunAsync(scenario, jobs, tracing ? sink : null, recordOnly));
                }
            }
            var offRate = off.Average(r => r.JobsPerSecond);
            var onRate = on.Average(r => r.JobsPerSecond);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{scenario.Name}, window {scenario.Window}: jobs/s off {string.Join(" ", off.Select(r => r.JobsPerSecond.ToString("F0", CultureInfo.InvariantCulture)))}; "
                + $"on {string.Join(" ", on.Select(r => r.JobsPerSecond.ToString("F0", CultureInfo.InvariantCulture)))}; medians {Median(off):F0} / {Median(on):F0}"));
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {scenario.Name} ({scenario.PayloadBytes / 1024.0:F1} KiB) | {scenario.Window} | {offRate:F0} | {onRate:F0} | "
                + $"{(1 - onRate / offRate) * 100:F1}% | {off.Average(r => r.HostCpuMicrosPerJob):F0} | {on.Average(r => r.HostCpuMicrosPerJob):F0} | "
                + $"{off.Average(r => r.P99):F1} | {on.Average(r => r.P99):F1} | {on.Average(r => r.SpansPerJob):F2} |"));
        }
        Console.WriteLine();
        Console.WriteLine($"{jobs} jobs per run, {rounds} runs per mode, means over the runs");
        Console.WriteLine("| job | in flight | jobs/s off | jobs/s on | throughput cost | host CPU µs/job off | on | p99 ms off | p99 ms on | spans per job |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        rows.ForEach(Console.WriteLine);
    }

    private static double Median(List<ScenarioResult> runs)
    {
        var sorted = runs.Select(r => r.JobsPerSecond).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
