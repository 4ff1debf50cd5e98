namespace Runwire.Core.Data.TimeOps;

/// <summary>
/// pandas' index alignment: <c>reindex</c> (positions of target labels in a source index) and <c>union</c>
/// (sorted, each label as often as it occurs at most in either index).
/// </summary>
public static class IndexAlignment
{
    /// <summary>Whether two indexes hold the same labels in the same order (pandas <c>Index.equals</c>).</summary>
    public static bool SameLabels(Column a, Column b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }
        if (a is DateTimeColumn da && b is DateTimeColumn db)
        {
            return da.IsUtc == db.IsUtc && da.Ticks.AsSpan().SequenceEqual(db.Ticks);
        }
        for (var i = 0; i < a.Length; i++)
        {
            if (!LabelComparer.Instance.Equals(a.GetValue(i), b.GetValue(i)))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// For each target label, its position in <paramref name="source"/> or -1 (pandas <c>reindex</c>); ValueError
    /// "cannot reindex on an axis with duplicate labels" when the source repeats a label and the indexes differ.
    /// </summary>
    public static int[] Reindex(Column source, Column target)
    {
        if (SameLabels(source, target))
        {
            return [.. Enumerable.Range(0, source.Length)];
        }
        if (source is DateTimeColumn ds && target is DateTimeColumn dt && ds.IsUtc == dt.IsUtc)
        {
            return Lookup(ds.Ticks, dt.Ticks, EqualityComparer<long>.Default);
        }
        return Lookup(Labels(source), Labels(target), LabelComparer.Instance);
    }

    private static int[] Lookup<T>(T[] source, T[] target, IEqualityComparer<T> comparer)
        where T : notnull
    {
        var positions = new Dictionary<T, int>(source.Length, comparer);
        for (var i = 0; i < source.Length; i++)
        {
            if (!positions.TryAdd(source[i], i))
            {
                throw PyException.ValueError("cannot reindex on an axis with duplicate labels");
            }
        }
        var result = new int[target.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = positions.GetValueOrDefault(target[i], -1);
        }
        return result;
    }

    // Missing labels (NaN, None, NaT) match each other in pandas' hash tables; one shared key stands for them.
    private static object[] Labels(Column column)
    {
        var labels = new object[column.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = column.IsMissing(i) ? LabelComparer.Missing : column.GetValue(i)!;
        }
        return labels;
    }

    /// <summary>
    /// Rows at the given positions, -1 filling as pandas' reindex does: NaN for numbers (int64 becomes float64), NaN in
    /// object columns (bool becomes object), NaT for datetimes.
    /// </summary>
    public static Column TakeOrNaN(Column column, int[] positions)
    {
        if (column is not (BoolColumn or ObjectColumn) || !positions.Any(p => p < 0))
        {
            return column.Take(positions);
        }
        var values = new object?[positions.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = positions[i] < 0 ? double.NaN : column.GetValue(positions[i]);
        }
        return new ObjectColumn(values);
    }

    /// <summary>
    /// pandas' <c>Index.union(other, sort=None)</c>: the first index when both hold the same labels, else the sorted union
    /// in which a label occurs as often as in the index that has it most.
    /// </summary>
    public static Column Union(Column a, Column b)
    {
        if (SameLabels(a, b) || b.Length == 0)
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
