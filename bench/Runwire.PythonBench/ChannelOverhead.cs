using System.Diagnostics;
using Runwire.Core.Components;
using Runwire.Core.Components.Runners;
using Runwire.Core.Data;
using Runwire.Python;

namespace Runwire.PythonBench;

/// <summary>
/// The worker channel alone: one pool call of a pass-through component (a series with a UTC datetime index in, the
/// same series out), timed in the host, minus what <c>main</c> itself takes, timed inside the worker.
/// </summary>
internal sealed class ChannelOverhead(PythonWorkerPool pool)
{
    private static readonly PythonCode Empty = new("def main():\n    return {}\n");
    private static readonly PythonCode PassThrough = new("def main(*, s):\n    return {\"s\": s}\n");

    /// <summary>Milliseconds per call of a component without inputs or outputs: the fixed cost of a round trip.</summary>
    public Task<double> EmptyCallAsync(int calls) => TimeAsync(Empty, new ComponentInputs(new Dictionary<string, object?>()), calls);

    /// <summary>Milliseconds per pass-through call with a series of <paramref name="points"/> points.</summary>
    public Task<double> PassThroughAsync(int points, int calls) => TimeAsync(PassThrough, Inputs(points), calls);

    /// <summary>Milliseconds that main itself takes per call, measured inside the worker.</summary>
    public Task<double> MainMillisecondsAsync(int points) => MainTimer.MillisecondsAsync(pool, PassThrough.Code, Inputs(points), 2000);

    /// <summary>Bytes of raw arrays on the channel per call: timestamps and values, in and out.</summary>
    public static double MegabytesMoved(int points) => 2.0 * points * (sizeof(long) + sizeof(double)) / 1e6;

    private async Task<double> TimeAsync(PythonCode code, ComponentInputs inputs, int calls)
    {
        await pool.CallAsync(code, inputs, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            await pool.CallAsync(code, inputs, CancellationToken.None);
        }
        return clock.Elapsed.TotalMilliseconds / calls;
    }

    private static ComponentInputs Inputs(int points) => new(new Dictionary<string, object?> { ["s"] = Series(points) });

    /// <summary>A series of random floats over a UTC minute index, as the engine holds it.</summary>
    public static Series Series(int points)
    {
        var ticks = new long[points];
        var values = new double[points];
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        var random = new Random(17);
        for (var i = 0; i < points; i++)
        {
            ticks[i] = start + (i * TimeSpan.TicksPerMinute);
            values[i] = random.NextDouble();
        }
        return new Series(new DateTimeColumn(ticks, isUtc: true), new Float64Column(values), "s");
    }
}
