using Runwire.Core.Data;
using Runwire.Core.Data.TimeOps;

namespace Runwire.Core.Components.Connectors;

/// <summary>
/// The row pairs of a pandas 1.5 merge on one key (<c>sort=False</c>): keys are numbered by first appearance (left, then
/// right), missing keys match each other. inner and outer come out grouped by key number; left and right keep the
/// order of their side, each row followed by its matches.
/// </summary>
internal static class JoinIndexers
{
    public static (int[] Left, int[] Right) Compute(Column leftKeys, Column rightKeys, string how)
    {
        var ids = new Dictionary<object, int>(LabelComparer.Instance);
        var leftIds = Factorize(leftKeys, ids);
        var rightIds = Factorize(rightKeys, ids);
        var leftRows = Group(leftIds, ids.Count);
        var rightRows = Group(rightIds, ids.Count);
        var pairs = new List<(int, int)>();
        switch (how)
        {
            case "inner" or "outer":
                for (var id = 0; id < ids.Count; id++)
                {
                    AddGroup(pairs, leftRows[id], rightRows[id], outer: how == "outer");
                }
                break;
            case "left":
                for (var row = 0; row < leftIds.Length; row++)
                {
                    AddGroup(pairs, [row], rightRows[leftIds[row]], outer: true);
                }
                break;
            case "right":
                for (var row = 0; row < rightIds.Length; row++)
                {
                    AddGroup(pairs, leftRows[rightIds[row]], [row], outer: true);
                }
                break;
            default:
                throw PyException.KeyError($"'{how}'");
        }
        return ([.. pairs.Select(p => p.Item1)], [.. pairs.Select(p => p.Item2)]);
    }

    private static void AddGroup(List<(int, int)> pairs, List<int> left, List<int> right, bool outer)
    {
        if (left.Count == 0 || right.Count == 0)
        {
            if (outer)
            {
                pairs.AddRange(left.Select(l => (l, -1)));
                pairs.AddRange(right.Select(r => (-1, r)));
            }
            return;
        }
        foreach (var l in left)
        {
            pairs.AddRange(right.Select(r => (l, r)));
        }
    }

    private static int[] Factorize(Column keys, Dictionary<object, int> ids)
    {
        var result = new int[keys.Length];
        for (var i = 0; i < result.Length; i++)
        {
            var key = keys.IsMissing(i) ? LabelComparer.Missing : keys.GetValue(i)!;
            if (!ids.TryGetValue(key, out var id))
            {
                ids[key] = id = ids.Count;
            }
            result[i] = id;
        }
        return result;
    }

    private static List<int>[] Group(int[] keyIds, int count)
    {
        var groups = new List<int>[count];
        for (var i = 0; i < count; i++)
        {
            groups[i] = [];
        }
        for (var row = 0; row < keyIds.Length; row++)
        {
            groups[keyIds[row]].Add(row);
        }
        return groups;
    }
}
