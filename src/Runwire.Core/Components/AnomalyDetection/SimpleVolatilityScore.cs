using Runwire.Core.Data;
using Runwire.Core.Data.TimeOps;

namespace Runwire.Core.Components.AnomalyDetection;

/// <summary>
/// "Simple Volatility Score" (spec §5.3): on the sorted series' differences d, the time-based rolling
/// <c>sum(|d|) - |sum(d)|</c>, named "volatilities", stamped at the window's right end, left end (shift by -window)
/// or centre (shift by -window/2).
/// </summary>
public sealed class SimpleVolatilityScore : IComponent
{
    public Guid Id { get; } = new("0c3c74d0-89b6-1948-fedd-753eaa47ca0e");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var series = inputs.Series("timeseries").SortIndex();
        var window = inputs.String("window_size");
        var location = inputs.String("window_timestamp_location");
        var values = series.Values.ToDoubles();
        var diffs = new double[values.Length];
        var absDiffs = new double[values.Length];
        for (var i = 0; i < diffs.Length; i++)
        {
            diffs[i] = i == 0 ? double.NaN : values[i] - values[i - 1];
            absDiffs[i] = Math.Abs(diffs[i]);
        }
        var (start, end) = SeriesRolling.Bounds(series, window);
        var absSums = Rolling.Sum(absDiffs, start, end, minPeriods: 1);
        var sums = Rolling.Sum(diffs, start, end, minPeriods: 1);
        var volatilities = new double[diffs.Length];
        for (var i = 0; i < volatilities.Length; i++)
        {
            volatilities[i] = absSums[i] - Math.Abs(sums[i]);
        }
        var index = location switch
        {
            "right" => series.Index,
            "left" => Shifted(series.Index, Offset.Parse(window).Times(-1)),
            "center" => Shifted(series.Index, Offset.Parse(window).Times(-0.5)),
            _ => throw PyException.ValueError("Only 'left' or 'right' or 'center' allowed for stamping parameter."),
        };
        return new Dictionary<string, object?> { ["volatilities"] = new Series(index, new Float64Column(volatilities), "volatilities") };
    }

    private static DateTimeColumn Shifted(Column index, Offset by)
    {
        if (index is not DateTimeColumn dates)
        {
            throw new PyException("NotImplementedError",
                $"This method is only implemented for DatetimeIndex, PeriodIndex and TimedeltaIndex; Got type {(index is Int64Column ? "RangeIndex" : "Index")}");
        }
        var nanos = by.Nanos;
        var shifted = EpochNanos.FromColumn(dates);
        for (var i = 0; i < shifted.Length; i++)
        {
            shifted[i] += nanos;
        }
        return EpochNanos.ToColumn(shifted, dates.IsUtc);
    }
}
