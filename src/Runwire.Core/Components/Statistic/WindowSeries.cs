using Runwire.Core.Data;
using Runwire.Core.Data.TimeOps;

namespace Runwire.Core.Components.Statistic;

/// <summary>The two computation paths of hetida's moving time window components over a sorted series.</summary>
internal sealed class WindowSeries
{
    private readonly Series _series;
    private readonly long[] _index;
    private readonly bool _utc;
    private readonly Offset _size;
    private readonly bool _median;

    public WindowSeries(Series sorted, Offset size, bool median)
    {
        var index = (DateTimeColumn)sorted.Index;
        if (index.Ticks.Contains(DateTimeColumn.NaT))
        {
            throw new PyException("NotImplementedError", "Runwire does not compute moving time windows over an index with NaT.");
        }
        (_series, _index, _utc, _size, _median) = (sorted, EpochNanos.FromColumn(index), index.IsUtc, size, median);
    }

    /// <summary><c>resample(size, closed, label="right", origin="epoch", offset)</c> then mean or median.</summary>
    public Series Resampled(bool closedRight, long offsetNs)
    {
        var (labels, ends) = TickResampler.Bin(_index, _size, closedRight, labelRight: true, offsetNs);
        var values = _series.Values.ToDoubles();
        var aggregated = _median ? TickResampler.Median(values, ends) : TickResampler.Mean(values, ends);
        return new Series(EpochNanos.ToColumn(labels, _utc), new Float64Column(aggregated), _series.Name);
    }

    /// <summary>
    /// The rolling path: right window edges on the rhythm from the first to the last window touching the data, the series
    /// reindexed onto edges and timestamps, a time-based rolling window, the values at the edges.
    /// </summary>
    public Series Rolled(long frequencyNs, long offsetNs, string closed)
    {
        if (_index.Length == 0)
        {
            throw new PyException("IndexError", "index 0 is out of bounds for axis 0 with size 0");
        }
        var size = _size.Nanos;
        var firstLeft = Ceil(_index[0] - size - offsetNs, frequencyNs) + offsetNs;
        var lastLeft = Floor(_index[^1] - offsetNs, frequencyNs) + offsetNs;
        var edges = DateRange.Regular(firstLeft + size, lastLeft + size, frequencyNs);
        var union = IndexUnion.Union(edges, _index);
        var unionColumn = EpochNanos.ToColumn(union, _utc);
        var positions = IndexAlignment.Reindex(_series.Index, unionColumn);
        var source = _series.Values.ToDoubles();
        var values = positions.Select(p => p < 0 ? double.NaN : source[p]).ToArray();
        var (start, end) = WindowBounds.Variable(union, size, center: false, closed);
        Func<ReadOnlySpan<double>, double> aggregate = _median
            ? w => NumpyReductions.Median(NumpyReductions.WithoutNaN(w))
            : w => NumpyReductions.NumbaMean(NumpyReductions.WithoutNaN(w));
        var rolled = Rolling.Apply(values, start, end, minPeriods: 1, aggregate);
        var edgeColumn = EpochNanos.ToColumn(edges, _utc);
        var atEdges = IndexAlignment.Reindex(unionColumn, edgeColumn).Select(p => rolled[p]).ToArray();
        return new Series(edgeColumn, new Float64Column(atEdges), _series.Name);
    }

    /// <summary><c>series.shift(freq=...)</c> by a number of nanoseconds.</summary>
    public static Series Shift(Series series, long nanos)
    {
        if (nanos == 0)
        {
            return series;
        }
        var index = (DateTimeColumn)series.Index;
        var shifted = EpochNanos.FromColumn(index).Select(t => t + nanos).ToArray();
        return new Series(EpochNanos.ToColumn(shifted, index.IsUtc), series.Values, series.Name, series.CloneAttrs());
    }

    private static long Floor(long value, long unit) => value - EpochNanos.FloorMod(value, unit);

    private static long Ceil(long value, long unit)
    {
        var remainder = EpochNanos.FloorMod(value, unit);
        return remainder == 0 ? value : value + (unit - remainder);
    }
}
