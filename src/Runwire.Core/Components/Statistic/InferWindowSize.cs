using Runwire.Core.Codecs;
using Runwire.Core.Data;
using Runwire.Core.Data.TimeOps;

namespace Runwire.Core.Components.Statistic;

/// <summary>
/// "Infer Window Size": the median spacing of the sorted timestamps times the desired number of points times the buffer
/// factor, as a frequency string in seconds ("17486.0S"). Like hetida it takes the median's <c>.seconds</c>, the seconds
/// within a day, so spacings of a day or more wrap around.
/// </summary>
public sealed class InferWindowSize : IComponent
{
    public Guid Id { get; } = new("4615ec0d-99bd-40ba-a88b-643dd28fa6e7");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var series = inputs.Series("series");
        if (series.Index is not DateTimeColumn index)
        {
            throw PyException.TypeError("This component is exclusively for series with Datetime index!");
        }
        var seconds = MedianSpacingSeconds(index);
        var count = inputs["min_num_desired_datapoints_in_window"];
        var buffer = inputs["buffer_factor"];
        var text = (count, buffer, seconds) switch
        {
            (long c, long b, long s) => $"{s * (c * b)}",
            _ => PyFormat.Repr((seconds ?? double.NaN) * (inputs.Number("min_num_desired_datapoints_in_window") * inputs.Number("buffer_factor"))),
        };
        return new Dictionary<string, object?> { ["frequency_string"] = text + "S" };
    }

    // pandas' Timedelta median (nanmedian over float nanoseconds, truncated back to whole nanoseconds); null for NaT.
    private static long? MedianSpacingSeconds(DateTimeColumn index)
    {
        var ticks = index.Ticks.Where(t => t != DateTimeColumn.NaT).Order().Select(EpochNanos.FromTicks).ToArray();
        if (ticks.Length < 2)
        {
            return null;
        }
        var spacings = new double[ticks.Length - 1];
        for (var i = 1; i < ticks.Length; i++)
        {
            spacings[i - 1] = ticks[i] - ticks[i - 1];
        }
        var median = (long)NumpyReductions.Median(spacings);
        return EpochNanos.FloorMod(median / 1_000_000_000 - (median % 1_000_000_000 < 0 ? 1 : 0), 86_400);
    }
}
