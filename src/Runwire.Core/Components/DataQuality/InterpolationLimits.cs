namespace Runwire.Core.Components.DataQuality;

/// <summary>
/// pandas' <c>_interp_limit</c> and <c>_interpolate_1d</c> bookkeeping: which NaN positions stay NaN after interpolation
/// because of <c>limit</c>, <c>limit_direction</c> and <c>limit_area</c>.
/// </summary>
internal static class InterpolationLimits
{
    public static HashSet<int> Preserved(bool[] invalid, long? limit, string direction, string? area)
    {
        var n = invalid.Length;
        var first = Array.IndexOf(invalid, false);
        var last = Array.LastIndexOf(invalid, false);
        var startNans = Enumerable.Range(0, first).ToHashSet();
        var endNans = Enumerable.Range(last + 1, n - last - 1).ToHashSet();
        var preserve = direction switch
        {
            "forward" => Union(startNans, Limit(invalid, limit, 0)),
            "backward" => Union(endNans, Limit(invalid, 0, limit)),
            _ => Limit(invalid, limit, limit),
        };
        if (area == "inside")
        {
            preserve.UnionWith(startNans);
            preserve.UnionWith(endNans);
        }
        else if (area == "outside")
        {
            preserve.UnionWith(Enumerable.Range(0, n).Where(i => invalid[i] && !startNans.Contains(i) && !endNans.Contains(i)));
        }
        return preserve;
    }

    // pandas' _interp_limit: positions too far from a valid value in the limited direction(s)
    private static HashSet<int> Limit(bool[] invalid, long? forward, long? backward)
    {
        var n = invalid.Length;
        var fromFront = new HashSet<int>();
        var fromBack = new HashSet<int>();
        if (forward is not null)
        {
            fromFront = forward == 0 ? Enumerable.Range(0, n).Where(i => invalid[i]).ToHashSet() : Inner(invalid, forward.Value);
        }
        if (backward is not null)
        {
            if (backward == 0)
            {
                return fromFront;
            }
            var reversed = invalid.Reverse().ToArray();
            fromBack = Inner(reversed, backward.Value).Select(i => n - 1 - i).ToHashSet();
            if (forward == 0)
            {
                return fromBack;
            }
        }
        fromFront.IntersectWith(fromBack);
        return fromFront;
    }

    private static HashSet<int> Inner(bool[] invalid, long limitValue)
    {
        var n = invalid.Length;
        var limit = (int)Math.Min(limitValue, n);
        var result = new HashSet<int>();
        for (var k = 0; k + limit < n; k++)
        {
            var all = true;
            for (var j = k; j <= k + limit; j++)
            {
                all &= invalid[j];
            }
            if (all)
            {
                result.Add(k + limit);
            }
        }
        for (var j = 0; j <= limit && j < n && invalid[j]; j++)
        {
            result.Add(j);
        }
        return result;
    }

    private static HashSet<int> Union(HashSet<int> a, HashSet<int> b)
    {
        var result = new HashSet<int>(a);
        result.UnionWith(b);
        return result;
    }
}
