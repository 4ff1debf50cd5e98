namespace Runwire.Core.Data.TimeOps;

/// <summary>
/// pandas' index alignment: <c>reindex</c> (positions of target labels in a source index) and the fill of missing rows.
/// <see cref="IndexUnion"/> holds <c>Index.union</c>.
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
}
