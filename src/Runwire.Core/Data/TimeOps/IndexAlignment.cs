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
