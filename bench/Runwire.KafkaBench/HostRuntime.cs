using System.Globalization;
using Runwire.Host.Tests.Support;

namespace Runwire.KafkaBench;

/// <summary>The host's own JIT and GC totals, read from its Prometheus endpoint (.NET's System.Runtime meter).</summary>
internal sealed record HostRuntime(double JitSeconds, double GcPauseSeconds, double AllocatedBytes, double Gen0, double Gen1, double Gen2)
{
    public static async Task<HostRuntime> ReadAsync(ServeProcess serve)
    {
        var scrape = await PrometheusScrape.ReadAsync(serve.Http);
        double Collections(string generation) => scrape.Sum("dotnet_gc_collections_total", ("gc_heap_generation", generation));
        return new HostRuntime(scrape.Sum("dotnet_jit_compilation_time_seconds_total"), scrape.Sum("dotnet_gc_pause_time_seconds_total"),
            scrape.Sum("dotnet_gc_heap_total_allocated_bytes_total"), Collections("gen0"), Collections("gen1"), Collections("gen2"));
    }

    public HostRuntime Since(HostRuntime before) => new(JitSeconds - before.JitSeconds, GcPauseSeconds - before.GcPauseSeconds,
        AllocatedBytes - before.AllocatedBytes, Gen0 - before.Gen0, Gen1 - before.Gen1, Gen2 - before.Gen2);

    /// <summary>What a run of <paramref name="jobs"/> jobs over <paramref name="seconds"/> cost the host's runtime.</summary>
    public string Describe(int jobs, double seconds) => string.Create(CultureInfo.InvariantCulture,
        $"JIT {JitSeconds / seconds:P1} and GC pauses {GcPauseSeconds / seconds:P1} of the run, {AllocatedBytes / jobs / 1024:F0} KiB allocated "
        + $"per job, collections per 1,000 jobs: gen0 {Gen0 * 1000 / jobs:F0}, gen1 {Gen1 * 1000 / jobs:F0}, gen2 {Gen2 * 1000 / jobs:F1}");
}
