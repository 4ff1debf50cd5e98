using System.Globalization;

namespace Runwire.KafkaBench;

/// <summary>
/// One benchmark run: a job payload template (<c>{JOB_ID}</c> is replaced per job) and how many jobs may be in
/// flight at once. The window keeps the producer from outrunning the host by more than the mock broker retains
/// (5 MiB per partition; older records are dropped silently, kafka-local.md §2).
/// </summary>
internal sealed record Scenario(string Name, string Template, int Window)
{
    public int PayloadBytes => System.Text.Encoding.UTF8.GetByteCount(Template);
}

internal sealed record ScenarioResult(Scenario Scenario, int Jobs, int Ok, double Seconds, double P50, double P99, double Max)
{
    /// <summary>Spans the collector received per job, warm-up included (tracing runs only).</summary>
    public double? SpansPerJob { get; init; }

    /// <summary>CPU time the host process spent per job during the timed run (user + system, all threads).</summary>
    public double HostCpuMicrosPerJob { get; init; }

    public double JobsPerSecond => Jobs / Seconds;

    public string ToMarkdownRow() => string.Create(CultureInfo.InvariantCulture,
        $"| {Jobs} | {Scenario.Name} ({Scenario.PayloadBytes / 1024.0:F1} KiB) | {Scenario.Window} | {Ok} | {Jobs / Seconds:F0} | {P50:F1} | {P99:F1} | {Max:F1} |");
}
