namespace Runwire.Core.Data.TimeOps;

/// <summary>
/// The checks pandas makes before <c>series.rolling("&lt;freq&gt;")</c> on a series, in pandas' order and wording, and the
/// resulting window bounds.
/// </summary>
public static class SeriesRolling
{
    /// <summary>Bounds of a time-based rolling window over the series' index (pandas <c>Rolling._validate</c> first).</summary>
    public static (int[] Start, int[] End) Bounds(Series series, string window, bool center = false, string closed = "right")
    {
        var nanos = WindowNanos(series, window);
        var index = series.Index is DateTimeColumn d ? EpochNanos.FromColumn(d) : [];
        return WindowBounds.Variable(index, nanos, center, closed);
    }

    /// <summary>The window length; ValueError with pandas' message where pandas refuses the window or the index.</summary>
    public static long WindowNanos(Series series, string window)
    {
        if (series.Index is DateTimeColumn index)
        {
            CheckMonotonic(index);
        }
        else if (series.Length > 0)
        {
            throw PyException.ValueError("window must be an integer 0 or greater");
        }
        Offset offset;
        try
        {
            offset = Offset.Parse(window);
        }
        catch (PyException e) when (e.TypeName == "ValueError")
        {
            throw PyException.ValueError($"passed window {window} is not compatible with a datetimelike index");
        }
        return offset.Nanos;
    }

    private static void CheckMonotonic(DateTimeColumn index)
    {
        var ticks = index.Ticks;
        if (ticks.Contains(DateTimeColumn.NaT))
        {
            throw PyException.ValueError("index values must not have NaT");
        }
        bool increasing = true, decreasing = true;
        for (var i = 1; i < ticks.Length; i++)
        {
            increasing &= ticks[i] >= ticks[i - 1];
            decreasing &= ticks[i] <= ticks[i - 1];
        }
        if (!increasing && !decreasing)
        {
            throw PyException.ValueError("index values must be monotonic");
        }
    }
}
