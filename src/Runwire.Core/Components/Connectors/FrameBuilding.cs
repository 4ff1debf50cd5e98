using Runwire.Core.Data;
using Runwire.Core.Data.TimeOps;

namespace Runwire.Core.Components.Connectors;

/// <summary>pandas operations shared by the connector components: <c>to_frame</c> and index-aligned column assignment.</summary>
internal static class FrameBuilding
{
    /// <summary>
    /// hetida's "series_or_dataframe" argument: a Series becomes a one-column frame, a DataFrame is used as it is
    /// (a copy: hetida's in-place change of the caller's frame is not reproduced).
    /// </summary>
    public static DataFrame FrameOf(object? seriesOrDataFrame) => seriesOrDataFrame switch
    {
        Series s => ToFrame(s),
        DataFrame f => f.WithAttrs(f.CloneAttrs()),
        _ => throw PyException.TypeError("series_or_dataframe must be a pandas Series or pandas DataFrame."),
    };

    /// <summary><c>series.to_frame()</c>: one column named like the series (an unnamed series gives column 0), attrs kept.</summary>
    public static DataFrame ToFrame(Series series, string? columnName = null) =>
        new(series.Index, [columnName ?? series.Name ?? "0"], [series.Values], series.CloneAttrs());

    /// <summary><c>df[name] = series</c>: the series is aligned to the frame's index (missing labels become NaN).</summary>
    public static DataFrame SetAligned(DataFrame frame, string name, Series series)
    {
        var column = IndexAlignment.SameLabels(series.Index, frame.Index)
            ? series.Values
            : IndexAlignment.TakeOrNaN(series.Values, IndexAlignment.Reindex(series.Index, frame.Index));
        return frame.WithColumn(name, column);
    }
}
