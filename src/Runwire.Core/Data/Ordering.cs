namespace Runwire.Core.Data;

/// <summary>Comparison and ordering of column values with pandas' rules (missing values sort last).</summary>
public static class Ordering
{
    /// <summary>Positions that sort the column stably (mergesort semantics), missing entries last.</summary>
    public static int[] StableOrder(Column column, bool ascending = true) => SortPositions(column, ascending) ?? Identity(column.Length);

    /// <summary>
    /// Like <see cref="StableOrder"/>, but null when the column is already in order, so immutable callers can keep
    /// what they have instead of copying it.
    /// </summary>
    public static int[]? SortPositions(Column column, bool ascending = true)
    {
        // Typed comparisons: a boxed comparison per step costs megabytes on long series.
        Comparison<int> compare = column switch
        {
            Float64Column f => (a, b) => CompareDoubles(f.Values[a], f.Values[b], ascending),
            Int64Column l => (a, b) => ascending ? l.Values[a].CompareTo(l.Values[b]) : l.Values[b].CompareTo(l.Values[a]),
            DateTimeColumn d => (a, b) => CompareTicks(d.Ticks[a], d.Ticks[b], ascending),
            BoolColumn o => (a, b) => ascending ? o.Values[a].CompareTo(o.Values[b]) : o.Values[b].CompareTo(o.Values[a]),
            _ => (a, b) => CompareMissingLast(column.GetValue(a), column.GetValue(b), column.IsMissing(a), column.IsMissing(b), ascending),
        };
        if (IsSorted(column.Length, compare))
        {
            return null;
        }
        var positions = Identity(column.Length);
        // Array.Sort is unstable; break ties by position to get pandas' stable order.
        Array.Sort(positions, (a, b) =>
        {
            var c = compare(a, b);
            return c != 0 ? c : a.CompareTo(b);
        });
        return positions;
    }

    private static int[] Identity(int length)
    {
        var positions = new int[length];
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = i;
        }
        return positions;
    }

    private static bool IsSorted(int length, Comparison<int> compare)
    {
        for (var i = 1; i < length; i++)
        {
            if (compare(i - 1, i) > 0)
            {
                return false;
            }
        }
        return true;
    }

    private static int CompareDoubles(double a, double b, bool ascending)
    {
        bool aMissing = double.IsNaN(a), bMissing = double.IsNaN(b);
        if (aMissing || bMissing)
        {
            return aMissing == bMissing ? 0 : aMissing ? 1 : -1;
        }
        return ascending ? a.CompareTo(b) : b.CompareTo(a);
    }

    private static int CompareTicks(long a, long b, bool ascending)
    {
        bool aMissing = a == DateTimeColumn.NaT, bMissing = b == DateTimeColumn.NaT;
        if (aMissing || bMissing)
        {
            return aMissing == bMissing ? 0 : aMissing ? 1 : -1;
        }
        return ascending ? a.CompareTo(b) : b.CompareTo(a);
    }

    private static int CompareMissingLast<T>(T a, T b, bool aMissing, bool bMissing, bool ascending)
    {
        if (aMissing || bMissing)
        {
            return aMissing == bMissing ? 0 : aMissing ? 1 : -1;
        }
        var c = CompareValues(a, b);
        return ascending ? c : -c;
    }

    /// <summary>Compares two boxed scalars like Python: numbers with numbers, strings ordinally, dates by time; TypeError otherwise.</summary>
    public static int CompareValues(object? a, object? b) => (a, b) switch
    {
        (double x, double y) => x.CompareTo(y),
        (long x, long y) => x.CompareTo(y),
        (long x, double y) => ((double)x).CompareTo(y),
        (double x, long y) => x.CompareTo(y),
        (string x, string y) => string.CompareOrdinal(x, y),
        (DateTime x, DateTime y) => x.Ticks.CompareTo(y.Ticks),
        (bool x, bool y) => x.CompareTo(y),
        (IComparable x, _) when a.GetType() == b?.GetType() => x.CompareTo(b),
        _ => throw new PyException("TypeError", $"'<' not supported between instances of '{PyTypeName(a)}' and '{PyTypeName(b)}'"),
    };

    /// <summary>The Python type name of a boxed value, for error messages.</summary>
    public static string PyTypeName(object? value) => value switch
    {
        null => "NoneType",
        double => "float",
        long or int => "int",
        string => "str",
        bool => "bool",
        DateTime => "Timestamp",
        Series => "Series",
        DataFrame => "DataFrame",
        System.Text.Json.Nodes.JsonObject => "dict",
        System.Text.Json.Nodes.JsonArray => "list",
        PythonObject python => python.ShortTypeName,
        _ => value.GetType().Name,
    };
}
