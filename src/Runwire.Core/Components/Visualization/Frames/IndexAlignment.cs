using Runwire.Core.Data;

namespace Runwire.Core.Components.Visualization.Frames;

/// <summary>
/// The row alignment of <c>pd.DataFrame({"x": s1, "y": s2})</c>: equal indexes are kept as they are, otherwise both
/// series are reindexed onto the sorted union of their labels (missing entries become NaN), which pandas refuses when
/// an index has duplicate labels.
/// </summary>
internal static class IndexAlignment
{
    public static (Column Index, Column First, Column Second) Align(Series first, Series second)
    {
        if (SameLabels(first.Index, second.Index))
        {
            return (first.Index, first.Values, second.Values);
        }
        var firstPositions = Positions(first.Index);
        var secondPositions = Positions(second.Index);
        var labels = firstPositions.Keys.Concat(secondPositions.Keys.Where(k => !firstPositions.ContainsKey(k))).ToList();
        labels.Sort(Ordering.CompareValues);
        int[] inFirst = [.. labels.Select(l => firstPositions.GetValueOrDefault(l, -1))];
        int[] inSecond = [.. labels.Select(l => secondPositions.GetValueOrDefault(l, -1))];
        return (Column.FromValues(labels), first.Values.Take(inFirst), second.Values.Take(inSecond));
    }

    private static bool SameLabels(Column a, Column b) =>
        a.Kind == b.Kind && a.Length == b.Length && Enumerable.Range(0, a.Length).All(i => Equals(a.GetValue(i), b.GetValue(i)));

    private static Dictionary<object, int> Positions(Column index)
    {
        var positions = new Dictionary<object, int>();
        for (var i = 0; i < index.Length; i++)
        {
            if (!positions.TryAdd(index.GetValue(i) ?? double.NaN, i))
            {
                throw PyException.ValueError("cannot reindex on an axis with duplicate labels");
            }
        }
        return positions;
    }
}
