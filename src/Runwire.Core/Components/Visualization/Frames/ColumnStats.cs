using Runwire.Core.Components.Visualization.Time;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Visualization.Frames;

/// <summary>pandas reductions the plots use for shape corners: <c>Series.min()</c>/<c>max()</c> and index extremes.</summary>
internal static class ColumnStats
{
    /// <summary><c>Series.min()</c>: missing values skipped, NaN when none is left; ints stay ints.</summary>
    public static object Min(Column column) => Extreme(column, largest: false);

    /// <summary><c>Series.max()</c>, see <see cref="Min"/>.</summary>
    public static object Max(Column column) => Extreme(column, largest: true);

    /// <summary>The smallest/largest timestamp of a datetime index in nanoseconds; null when it has none (NaT).</summary>
    public static long? IndexNanos(Column index, bool largest)
    {
        if (index is not DateTimeColumn dates)
        {
            throw PyException.TypeError($"expected a DatetimeIndex, got an index of dtype {index.Kind}");
        }
        long? best = null;
        foreach (var ticks in dates.Ticks)
        {
            if (ticks != DateTimeColumn.NaT && (best is null || (largest ? ticks > best : ticks < best)))
            {
                best = ticks;
            }
        }
        return best is null ? null : TimeNanos.FromTicks(best.Value);
    }

    private static object Extreme(Column column, bool largest)
    {
        if (column is Int64Column ints)
        {
            return ints.Length == 0 ? double.NaN : largest ? ints.Values.Max() : ints.Values.Min();
        }
        var best = double.NaN;
        foreach (var value in column.ToDoubles())
        {
            if (!double.IsNaN(value) && (double.IsNaN(best) || (largest ? value > best : value < best)))
            {
                best = value;
            }
        }
        return best;
    }
}
