using System.Text.Json.Nodes;

namespace Runwire.Core.Data;

/// <summary>A pandas-like DataFrame: an index, named columns of equal length, and <c>.attrs</c> metadata.</summary>
public sealed class DataFrame
{
    public DataFrame(Column index, IReadOnlyList<string> columnNames, IReadOnlyList<Column> columns, JsonObject? attrs = null)
    {
        if (columnNames.Count != columns.Count)
        {
            throw new ArgumentException("column names and columns differ in count", nameof(columnNames));
        }
        foreach (var c in columns)
        {
            if (c.Length != index.Length)
            {
                throw new PyException("ValueError", $"Length of values ({c.Length}) does not match length of index ({index.Length})");
            }
        }
        Index = index;
        ColumnNames = columnNames;
        Columns = columns;
        Attrs = attrs ?? [];
    }

    public Column Index { get; }

    public IReadOnlyList<string> ColumnNames { get; }

    public IReadOnlyList<Column> Columns { get; }

    public JsonObject Attrs { get; }

    public int RowCount => Index.Length;

    /// <summary>An empty frame with the given column names (all float64).</summary>
    public static DataFrame Empty(params string[] columnNames) =>
        new(new Int64Column([]), columnNames, [.. columnNames.Select(_ => (Column)new Float64Column([]))]);

    public int IndexOf(string columnName)
    {
        for (var i = 0; i < ColumnNames.Count; i++)
        {
            if (ColumnNames[i] == columnName)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The named column as a Series (pandas <c>df[name]</c>); KeyError when absent.</summary>
    public Series this[string columnName]
    {
        get
        {
            var i = IndexOf(columnName);
            return i < 0
                ? throw new PyException("KeyError", $"'{columnName}'")
                : new Series(Index, Columns[i], columnName, CloneAttrs());
        }
    }

    public JsonObject CloneAttrs() => (JsonObject)Attrs.DeepClone();

    public DataFrame Take(ReadOnlySpan<int> positions)
    {
        var cols = new Column[Columns.Count];
        for (var i = 0; i < cols.Length; i++)
        {
            cols[i] = Columns[i].Take(positions);
        }
        return new DataFrame(Index.Take(positions), ColumnNames, cols, CloneAttrs());
    }

    /// <summary>Returns a frame with the column set (replaced in place or appended at the end), values taken as they are.</summary>
    public DataFrame WithColumn(string name, Column column)
    {
        var names = ColumnNames.ToList();
        var cols = Columns.ToList();
        var i = IndexOf(name);
        if (i < 0)
        {
            names.Add(name);
            cols.Add(column);
        }
        else
        {
            cols[i] = column;
        }
        return new DataFrame(Index, names, cols, CloneAttrs());
    }

    public DataFrame WithAttrs(JsonObject attrs) => new(Index, ColumnNames, Columns, attrs);

    // Frames are immutable, so an already sorted one is returned as it is (pandas would copy).
    public DataFrame SortIndex(bool ascending = true) => Ordering.SortPositions(Index, ascending) is { } order ? Take(order) : this;
}
