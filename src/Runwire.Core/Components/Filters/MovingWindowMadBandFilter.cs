using Runwire.Core.Data;
using Runwire.Core.Data.TimeOps;

namespace Runwire.Core.Components.Filters;

/// <summary>
/// "Moving Window MAD Band Filter": a centred time window's median as band centre and its scaled median absolute
/// deviation (at least <c>min_band_width_factor</c> times the median deviation) as half band width; points inside the
/// band, or without enough neighbours for a centre, pass the filter.
/// </summary>
public sealed class MovingWindowMadBandFilter : IComponent
{
    public Guid Id { get; } = new("bf698fbb-1e2e-47ca-a4f8-72b06b011985");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var series = inputs.Series("series");
        var window = inputs.String("window_size");
        var scaling = inputs.Number("mad_scaling_factor");
        var widthFactor = inputs.Number("min_band_width_factor");
        if (series.Index is not DateTimeColumn)
        {
            throw PyException.TypeError("This component is exclusively for series with Datetime index!");
        }
        var minPeriods = inputs["min_num_datapoints_in_window"] is long l ? l : throw PyException.ValueError("min_periods must be an integer");
        if (minPeriods < 0)
        {
            throw PyException.ValueError("min_periods must be >= 0");
        }
        var values = series.Values.ToDoubles();
        var (start, end) = SeriesRolling.Bounds(series, window, center: true);
        var center = Rolling.Median(values, start, end, (int)minPeriods);
        // From 10,000 points on hetida computes this with numba, whose median of a window holding NaN is not defined;
        // Runwire keeps numpy's result (NaN) for every length.
        var deviation = Rolling.Apply(values, start, end, (int)minPeriods, NumpyReductions.MedianAbsoluteDeviation);
        for (var i = 0; i < deviation.Length; i++)
        {
            deviation[i] *= scaling;
        }
        var minWidth = NumpyReductions.Median(NumpyReductions.WithoutNaN(deviation)) * widthFactor;
        var mask = new bool[values.Length];
        for (var i = 0; i < deviation.Length; i++)
        {
            if (deviation[i] < minWidth)
            {
                deviation[i] = minWidth;
            }
            mask[i] = double.IsNaN(center[i]) || Math.Abs(values[i] - center[i]) <= deviation[i];
        }
        var frame = new DataFrame(
            series.Index,
            ["values", "band_center", "rolling_deviation", "filter_mask"],
            [series.Values, new Float64Column(center), new Float64Column(deviation), new BoolColumn(mask)],
            series.CloneAttrs());
        return new Dictionary<string, object?>
        {
            ["band_filter_dataframe"] = frame,
            ["filter_mask"] = frame["filter_mask"],
        };
    }
}
