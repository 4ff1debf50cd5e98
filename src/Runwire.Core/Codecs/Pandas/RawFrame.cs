namespace Runwire.Core.Codecs.Pandas;

/// <summary>
/// A frame as the DataFrame constructor lays out parsed JSON, before dtype conversion: index labels (null for a
/// RangeIndex of <see cref="RowCount"/>), column labels (null for integer labels 0..n-1) and one cell column each.
/// </summary>
internal sealed record RawFrame(int RowCount, Cells? Index, Cells? ColumnLabels, IReadOnlyList<Cells> Columns)
{
    public static RawFrame Empty(Cells none) => new(0, none, none, []);
}
