using Runwire.Core.Data;

namespace Runwire.Core.Components.Python;

/// <summary>pandas' alignment of two DataFrames on both axes (outer join of index and of columns), then a per-column operation.</summary>
internal static class FrameAlignment
{
    public static DataFrame Combine(DataFrame left, DataFrame right, Func<Column, Column, Column> operation)
    {
        var rows = IndexAlignment.Outer(left.Index, right.Index);
        var cols = IndexAlignment.Outer(new ObjectColumn([.. left.ColumnNames]), new ObjectColumn([.. right.ColumnNames]));
        var names = new string[cols.Index.Length];
        var columns = new Column[names.Length];
        for (var j = 0; j < names.Length; j++)
        {
            names[j] = (string)cols.Index.GetValue(j)!;
            var l = Pick(left, cols.Left is null ? j : cols.Left[j], rows.Left, rows.Index.Length);
            var r = Pick(right, cols.Right is null ? j : cols.Right[j], rows.Right, rows.Index.Length);
            columns[j] = operation(l, r);
        }
        return new DataFrame(rows.Index, names, columns);
    }

    // A column missing on one side is all NaN (float64) after pandas' reindex.
    private static Column Pick(DataFrame frame, int column, int[]? rows, int length)
    {
        if (column < 0)
        {
            var nan = new double[length];
            Array.Fill(nan, double.NaN);
            return new Float64Column(nan);
        }
        return rows is null ? frame.Columns[column] : frame.Columns[column].Take(rows);
    }
}
