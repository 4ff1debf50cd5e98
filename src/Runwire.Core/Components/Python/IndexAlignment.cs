using Runwire.Core.Data;

namespace Runwire.Core.Components.Python;

/// <summary>
/// pandas 1.5.3's outer join of two indexes (<c>Index.join(how="outer")</c>, used by Series/DataFrame arithmetic and flex
/// comparisons): equal indexes stay as they are; unique indexes give their union, sorted when the labels are comparable
/// (numbers before strings, unless both indexes were increasing);
/// duplicate labels give every left/right pair per label, labels sorted.
/// </summary>
internal static class IndexAlignment
{
    /// <summary>pandas' <c>Index.equals</c>: same length and labels, timestamps with the same time zone.</summary>
    public static bool Equal(Column a, Column b)
    {
        if (a.Length != b.Length || (a is DateTimeColumn da && (b is not DateTimeColumn db || da.IsUtc != db.IsUtc)))
        {
            return false;
        }
        var (ka, kb) = (IndexLabels.Keys(a), IndexLabels.Keys(b));
        return ka.Zip(kb).All(p => p.First.Equals(p.Second));
    }

    public static Alignment Outer(Column left, Column right)
    {
        if (Equal(left, right))
        {
            return new(left, null, null);
        }
        if (right.Length == 0)
        {
            return new(left, null, Missing(left.Length));
        }
        if (left.Length == 0)
        {
            return new(right, Missing(right.Length), null);
        }
        if (left is DateTimeColumn dl && right is DateTimeColumn dr && dl.IsUtc != dr.IsUtc)
        {
            throw PyException.TypeError("Cannot join tz-naive with tz-aware DatetimeIndex");
        }
        var (lk, rk) = (IndexLabels.Keys(left), IndexLabels.Keys(right));
        var rows = Unique(lk) && Unique(rk) ? Union(lk, rk) : Pairs(lk, rk);
        var labels = rows.Select(r => r.L >= 0 ? left.GetValue(r.L) : right.GetValue(r.R)).ToList();
        return new(Column.FromValues(labels), [.. rows.Select(r => r.L)], [.. rows.Select(r => r.R)]);
    }

    private static List<(int L, int R)> Union(object[] lk, object[] rk)
    {
        var lpos = lk.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i);
        var rpos = rk.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i);
        var keys = lk.Concat(rk.Where(k => !lpos.ContainsKey(k))).ToList();
        // Two increasing indexes are merged, which fails between str and numbers and then keeps the concatenation;
        // otherwise safe_sort orders the union (numbers before strings) where it can.
        var merged = IndexLabels.Increasing(lk) && IndexLabels.Increasing(rk);
        keys = merged && !IndexLabels.OneFamily(keys) ? keys : SortIfPossible(keys);
        return [.. keys.Select(k => (lpos.GetValueOrDefault(k, -1), rpos.GetValueOrDefault(k, -1)))];
    }

    // pandas' _join_non_unique: labels sorted, each left occurrence paired with each right occurrence.
    private static List<(int L, int R)> Pairs(object[] lk, object[] rk)
    {
        var (lg, rg) = (Groups(lk), Groups(rk));
        var keys = SortIfPossible([.. lg.Keys.Concat(rg.Keys).Distinct()]);
        var rows = new List<(int, int)>();
        foreach (var key in keys)
        {
            foreach (var l in lg.GetValueOrDefault(key, [-1]))
            {
                foreach (var r in rg.GetValueOrDefault(key, [-1]))
                {
                    rows.Add((l, r));
                }
            }
        }
        return rows;
    }

    private static Dictionary<object, List<int>> Groups(object[] keys)
    {
        var groups = new Dictionary<object, List<int>>();
        for (var i = 0; i < keys.Length; i++)
        {
            if (!groups.TryGetValue(keys[i], out var list))
            {
                groups[keys[i]] = list = [];
            }
            list.Add(i);
        }
        return groups;
    }

    private static List<object> SortIfPossible(List<object> keys) =>
        IndexLabels.Sortable(keys) ? [.. keys.Order(Comparer<object>.Create(IndexLabels.Compare))] : keys;

    private static bool Unique(object[] keys) => keys.Distinct().Count() == keys.Length;

    private static int[] Missing(int n)
    {
        var result = new int[n];
        Array.Fill(result, -1);
        return result;
    }
}
