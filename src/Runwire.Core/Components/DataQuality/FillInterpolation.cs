namespace Runwire.Core.Components.DataQuality;

/// <summary>pandas' pad/backfill with <c>limit</c> and <c>limit_area</c> (<c>pad_inplace</c>, <c>_interpolate_with_limit_area</c>).</summary>
internal static class FillInterpolation
{
    public static void Fill(double[] values, bool forward, long? limit, string? area)
    {
        var invalid = values.Select(double.IsNaN).ToArray();
        if (area is not null && invalid.All(v => v))
        {
            return;
        }
        var n = values.Length;
        var maxFill = limit ?? n;
        var fillCount = 0L;
        var carried = double.NaN;
        for (var k = 0; k < n; k++)
        {
            var i = forward ? k : n - 1 - k;
            if (invalid[i])
            {
                if (fillCount >= maxFill)
                {
                    continue;
                }
                fillCount++;
                values[i] = carried;
            }
            else
            {
                fillCount = 0;
                carried = values[i];
            }
        }
        if (area is null)
        {
            return;
        }
        var first = Array.IndexOf(invalid, false);
        var last = Array.LastIndexOf(invalid, false);
        for (var i = 0; i < n; i++)
        {
            // only NaNs in the other area are restored; an unknown limit_area restores every NaN, as in pandas
            var keepFilled = area == "inside" ? i >= first && i <= last : area == "outside" && (i < first || i > last);
            if (invalid[i] && !keepFilled)
            {
                values[i] = double.NaN;
            }
        }
    }
}
