using Runwire.Core.Components;

namespace Runwire.PythonBench;

/// <summary>
/// Target 3: throughput of Python-component jobs through the engine with 1 and with 2 workers, many jobs in flight.
/// The component does a few ms of pandas work, so the channel is not the only cost. Rounds alternate which pool goes
/// first; the ratio is taken round by round.
/// </summary>
internal static class ScalingSection
{
    private const int Jobs = 300;
    private const int InFlight = 8;

    public static async Task RunAsync(BenchContext context)
    {
        Report.Heading("3. Throughput of Python-component jobs: 1 worker vs 2 workers on the 2 cores");
        var request = Requests.ZScore(1000);
        await using var one = await InProcessRunwire.StartAsync(context.Exports, context.Python, workers: 1);
        await using var two = await InProcessRunwire.StartAsync(context.Exports, context.Python, workers: 2);
        var mainMs = await MainTimer.MillisecondsAsync(one.Pool, BenchTransformations.ZScoreCode,
            new ComponentInputs(new Dictionary<string, object?> { ["series"] = ChannelOverhead.Series(1000) }), 50);
        var single = await one.RunAsync(request, 50) * 1e3 / 50;
        await one.RunParallelAsync(request, Jobs / 2, InFlight);
        await two.RunParallelAsync(request, Jobs / 2, InFlight);
        List<double> oneRate = [], twoRate = [];
        var cpu = new Dictionary<InProcessRunwire, List<(TimeSpan Host, TimeSpan Workers)>> { [one] = [], [two] = [] };
        for (var round = 0; round < context.Rounds; round++)
        {
            Report.Progress($"section 3: round {round + 1}/{context.Rounds}");
            InProcessRunwire[] order = round % 2 == 0 ? [one, two] : [two, one];
            foreach (var runwire in order)
            {
                var before = CpuTime.Now();
                var rate = Jobs / await runwire.RunParallelAsync(request, Jobs, InFlight);
                cpu[runwire].Add(CpuTime.Now().Since(before));
                (runwire == one ? oneRate : twoRate).Add(rate);
            }
        }
        var ratios = Summary.Of([.. twoRate.Zip(oneRate, (t, o) => t / o)]);
        string PerJob(InProcessRunwire pool, Func<(TimeSpan Host, TimeSpan Workers), TimeSpan> part) => Summary.Of([.. cpu[pool].Select(c => part(c).TotalMilliseconds / Jobs)]).Format("F2");
        Report.Table(["workers", "jobs/s, median (min–max) of rounds", "÷ 1 worker, median (min–max) of rounds", "target ≥ 1.7",
            "host CPU ms per job", "workers' CPU ms per job"],
        [
            ["1", Summary.Of(oneRate).Format("F1"), "1", "", PerJob(one, c => c.Host), PerJob(one, c => c.Workers)],
            ["2", Summary.Of(twoRate).Format("F1"), ratios.Format("F2"), Report.Verdict(ratios.Median >= 1.7), PerJob(two, c => c.Host), PerJob(two, c => c.Workers)],
        ]);
        Report.Note("");
        Report.Note($"{context.Rounds} rounds of {Jobs} jobs per pool with {InFlight} in flight (JobAnswering, request bytes → result bytes). "
            + $"The component (median absolute rolling z-score over 8 windows, 1000 points) spends {Report.F(mainMs, "F2")} ms in main "
            + $"(timed inside the worker); one job alone takes {Report.F(single, "F2")} ms end to end.");
    }
}
