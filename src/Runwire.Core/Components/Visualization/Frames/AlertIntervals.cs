using Runwire.Core.Data;

namespace Runwire.Core.Components.Visualization.Frames;

/// <summary>
/// The alert rectangles of "Timeseries and Alerts Plot": the non-zero entries of the alert series (1 = start,
/// -1 = end; NaN counts as non-zero) sorted by time, closed at the series' first/last timestamp where an alert has
/// no start/end. hetida checks the missing end against the <em>first</em> alert timestamp; that is kept.
/// </summary>
internal static class AlertIntervals
{
    /// <summary>(start, end) timestamps in ticks of every alert; end is NaT when nothing follows a start.</summary>
    public static List<(long Start, long End)> Find(Series values, Series alerts)
    {
        var (min, max) = Extremes(values.Index);
        var entries = NonZero(alerts);
        if (entries.Count > 0 && entries[0].Value == -1)
        {
            if (!Less(min, entries.Min(e => e.Ticks)))
            {
                throw PyException.ValueError("value_series must have smaller timestamps if first non-zero entry of alert_indicator_series is -1. "
                    + "Otherwise no start for the first alert can be found!");
            }
            Set(entries, min, 1);
        }
        if (entries.Count > 0 && entries[^1].Value == 1)
        {
            if (!Less(entries.Min(e => e.Ticks), max))
            {
                throw PyException.ValueError("value_series must have greater timestamps if last non-zero entry of alert_indicator_series is 1. "
                    + "Otherwise no end for the last alert can be found!");
            }
            Set(entries, max, -1);
        }
        var intervals = new List<(long, long)>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Value == 1)
            {
                intervals.Add((entries[i].Ticks, i + 1 < entries.Count ? entries[i + 1].Ticks : DateTimeColumn.NaT));
            }
        }
        return intervals;
    }

    private static List<(long Ticks, double Value)> NonZero(Series alerts)
    {
        var index = Ticks(alerts.Index);
        var values = alerts.Values.ToDoubles();
        var order = Ordering.StableOrder(alerts.Index);
        return [.. order.Where(i => values[i] != 0).Select(i => (index[i], values[i]))];
    }

    // Series.__setitem__ with a label: overwrite every entry with that label, else append; then sort_index()
    private static void Set(List<(long Ticks, double Value)> entries, long ticks, double value)
    {
        var found = false;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Ticks == ticks)
            {
                entries[i] = (ticks, value);
                found = true;
            }
        }
        if (!found)
        {
            entries.Add((ticks, value));
            var sorted = entries.OrderBy(e => e.Ticks == DateTimeColumn.NaT ? long.MaxValue : e.Ticks).ToList();
            entries.Clear();
            entries.AddRange(sorted);
        }
    }

    // comparisons with NaT are False in pandas
    private static bool Less(long a, long b) => a != DateTimeColumn.NaT && b != DateTimeColumn.NaT && a < b;

    private static (long Min, long Max) Extremes(Column index)
    {
        var ticks = Ticks(index).Where(t => t != DateTimeColumn.NaT).ToList();
        return ticks.Count == 0 ? (DateTimeColumn.NaT, DateTimeColumn.NaT) : (ticks.Min(), ticks.Max());
    }

    private static long[] Ticks(Column index) => index is DateTimeColumn d
        ? d.Ticks
        : throw PyException.TypeError("Timeseries and Alerts Plot needs series with a DatetimeIndex");
}
