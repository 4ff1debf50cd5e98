namespace Runwire.Core.Data.TimeOps;

/// <summary>pandas' <c>Index.union</c>: sorted, each label as often as it occurs at most in either index.</summary>
public static class IndexUnion
{
    /// <summary>
    /// pandas' <c>Index.union(other, sort=None)</c>: the first index when both hold the same labels, else the sorted union
    /// in which a label occurs as often as in the index that has it most.
    /// </summary>
    public static Column Union(Column a, Column b)
    {
        if (IndexAlignment.SameLabels(a, b) || b.Length == 0)
        {
            return a;
        }
        if (a.Length == 0)
        {
            return b;
        }
        if (a is DateTimeColumn da && b is DateTimeColumn db)
        {
            if (da.IsUtc != db.IsUtc)
            {
                throw PyException.TypeError("Cannot join tz-naive with tz-aware DatetimeIndex");
            }
            return new DateTimeColumn(Union(da.Ticks, db.Ticks), da.IsUtc);
        }
        var counts = new Dictionary<object, int>(LabelComparer.Instance);
        var labels = new List<object?>();
        foreach (var column in new[] { a, b })
        {
            var seen = new Dictionary<object, int>(LabelComparer.Instance);
            for (var i = 0; i < column.Length; i++)
            {
                var value = column.IsMissing(i) ? null : column.GetValue(i);
                var key = value ?? LabelComparer.Missing;
                seen[key] = seen.GetValueOrDefault(key) + 1;
                if (seen[key] > counts.GetValueOrDefault(key))
                {
                    counts[key] = seen[key];
                    labels.Add(value);
                }
            }
        }
        var sorted = labels.Order(Comparer<object?>.Create(CompareMissingLast)).ToList();
        return Column.FromValues(sorted);
    }

    private static int CompareMissingLast(object? x, object? y) =>
        x is null ? (y is null ? 0 : 1) : y is null ? -1 : Ordering.CompareValues(x, y);

    /// <summary>Sorted union of two nanosecond indexes; a label occurs as often as in the index that has it most.</summary>
    public static long[] Union(ReadOnlySpan<long> a, ReadOnlySpan<long> b)
    {
        var left = a.ToArray();
        var right = b.ToArray();
        Array.Sort(left);
        Array.Sort(right);
        var result = new List<long>(left.Length + right.Length);
        int i = 0, j = 0;
        while (i < left.Length || j < right.Length)
        {
            if (j == right.Length || (i < left.Length && left[i] < right[j]))
            {
                result.Add(left[i++]);
            }
            else if (i == left.Length || right[j] < left[i])
            {
                result.Add(right[j++]);
            }
            else
            {
                result.Add(left[i++]);
                j++;
            }
        }
        return [.. result];
    }
}
