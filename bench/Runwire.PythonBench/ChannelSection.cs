namespace Runwire.PythonBench;

/// <summary>
/// Target 2: the per-call overhead of the worker channel (pool call seen by the host minus main's own time inside the
/// worker) for a pass-through of 1000 points with a UTC datetime index, and the cost per MB at 100k and 1M points.
/// </summary>
internal static class ChannelSection
{
    private static readonly (int Points, int Calls)[] Sizes = [(1000, 2000), (100_000, 40), (1_000_000, 4)];

    public static async Task RunAsync(BenchContext context)
    {
        Report.Heading("2. The worker channel: pass-through of a float series with a UTC datetime index, one pool call");
        await using var pool = await InProcessRunwire.StartPoolAsync(context.Python, workers: 1);
        var channel = new ChannelOverhead(pool);
        await channel.EmptyCallAsync(2000);
        foreach (var (points, calls) in Sizes)
        {
            await channel.PassThroughAsync(points, Math.Max(2, calls / 4));
        }
        List<double> empty = [];
        var call = Sizes.ToDictionary(s => s.Points, _ => new List<double>());
        var main = Sizes.ToDictionary(s => s.Points, _ => new List<double>());
        for (var round = 0; round < context.Rounds; round++)
        {
            Report.Progress($"section 2: round {round + 1}/{context.Rounds}");
            empty.Add(await channel.EmptyCallAsync(2000));
            foreach (var (points, calls) in Sizes)
            {
                call[points].Add(await channel.PassThroughAsync(points, calls));
                main[points].Add(await channel.MainMillisecondsAsync(points));
            }
        }
        var small = Overhead(call[1000], main[1000]);
        List<string[]> rows = [["no inputs, no outputs", "0", Summary.Of(empty).Format("F3"), "–", Summary.Of(empty).Format("F3"), "", ""]];
        foreach (var (points, _) in Sizes)
        {
            var overhead = Overhead(call[points], main[points]);
            var megabytes = ChannelOverhead.MegabytesMoved(points);
            var perMb = points == 1000 ? "–"
                : Summary.Of([.. overhead.Zip(small, (big, s) => (big - s) / (megabytes - ChannelOverhead.MegabytesMoved(1000)))]).Format("F2");
            rows.Add([$"{points:N0} points", Report.F(megabytes, "F3"), Summary.Of(call[points]).Format("F3"),
                Summary.Of(main[points]).Format("F4"), Summary.Of(overhead).Format("F3"), perMb,
                points == 1000 ? $"≤ 0.3 ms: {Report.Verdict(Summary.Of(overhead).Median <= 0.3)}" : ""]);
        }
        Report.Table(["payload", "MB on the channel (in + out)", "call ms, host", "main ms, in worker", "overhead ms", "ms per MB beyond 1000 points", "target"], rows);
        Report.Note("");
        Report.Note($"Median (min–max) of {context.Rounds} rounds; a round is {string.Join(", ", Sizes.Select(s => $"{s.Calls} calls of {s.Points:N0} points"))}, "
            + "one worker, default sandbox. Overhead = call − main, per round. MB counts the raw arrays (8-byte timestamps and 8-byte floats, in and out).");
    }

    private static List<double> Overhead(List<double> call, List<double> main) => [.. call.Zip(main, (c, m) => c - m)];
}
