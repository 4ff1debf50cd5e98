using Runwire.Core.Data;

namespace Runwire.Core.Components.Connectors;

/// <summary>
/// <c>pd.concat([a, b], ignore_index=True)</c> for frames: the columns of <c>a</c>, then new ones of <c>b</c>; a column
/// missing in one frame is NaN there; dtypes combine as pandas combines them (int and float give float, anything with
/// text gives object). concat keeps attrs only when all frames have equal attrs.
/// </summary>
internal static class RowConcat
{
    public static DataFrame Concat(DataFrame first, DataFrame second)
    {
        var names = first.ColumnNames.Concat(second.ColumnNames.Where(n => first.IndexOf(n) < 0)).ToList();
        var columns = new List<Column>(names.Count);
        foreach (var name in names)
        {
            var values = new List<object?>(first.RowCount + second.RowCount);
            Append(values, first, name);
            Append(values, second, name);
            columns.Add(Column.FromValues(values));
        }
        var attrs = System.Text.Json.Nodes.JsonNode.DeepEquals(first.Attrs, second.Attrs) ? first.CloneAttrs() : [];
        return new DataFrame(Column.Range(first.RowCount + second.RowCount), names, columns, attrs);
    }

    private static void Append(List<object?> values, DataFrame frame, string name)
    {
        var i = frame.IndexOf(name);
        for (var row = 0; row < frame.RowCount; row++)
        {
            values.Add(i < 0 ? null : frame.Columns[i].GetValue(row));
        }
    }

    /// <summary>A frame with columns timestamp (the index), value and a constant metric, as hetida builds it from a series.</summary>
    public static DataFrame LongFormat(Series series, string metric)
    {
        var metrics = new ObjectColumn([.. Enumerable.Repeat<object?>(metric, series.Length)]);
        return new DataFrame(Column.Range(series.Length), ["timestamp", "value", "metric"], [series.Index, series.Values, metrics]);
    }
}
