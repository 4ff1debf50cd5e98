namespace Runwire.Core.Components.DataQuality;

/// <summary>The numpy path of pandas' <c>_interpolate_1d</c>: <c>np.interp</c> at the missing positions, then limits.</summary>
internal static class NumpyInterp
{
    public static void FillMissing(double[] values, double[] x, long? limit, string direction, string? area)
    {
        var invalid = values.Select(double.IsNaN).ToArray();
        if (invalid.All(v => v) || !invalid.Any(v => v))
        {
            return;
        }
        var preserve = InterpolationLimits.Preserved(invalid, limit, direction, area);
        var valid = Enumerable.Range(0, values.Length).Where(i => !invalid[i]).OrderBy(i => x[i]).ToArray();
        var xp = valid.Select(i => x[i]).ToArray();
        var fp = valid.Select(i => values[i]).ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            if (invalid[i])
            {
                values[i] = Interp(x[i], xp, fp);
            }
        }
        foreach (var i in preserve)
        {
            values[i] = double.NaN;
        }
    }

    // numpy's arr_interp for one point (constant extrapolation, exact hits, NaN fallback from the other side)
    private static double Interp(double x, double[] xp, double[] fp)
    {
        var n = xp.Length;
        if (double.IsNaN(x))
        {
            return x;
        }
        if (n == 1)
        {
            return fp[0];
        }
        if (x < xp[0])
        {
            return fp[0];
        }
        if (x > xp[^1])
        {
            return fp[^1];
        }
        var j = Array.BinarySearch(xp, x);
        if (j < 0)
        {
            j = ~j - 1;
        }
        else
        {
            while (j + 1 < n && xp[j + 1] == x)
            {
                j++;
            }
        }
        if (j == n - 1 || xp[j] == x)
        {
            return fp[j];
        }
        var slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
        var result = slope * (x - xp[j]) + fp[j];
        if (double.IsNaN(result))
        {
            result = slope * (x - xp[j + 1]) + fp[j + 1];
            if (double.IsNaN(result) && fp[j] == fp[j + 1])
            {
                result = fp[j];
            }
        }
        return result;
    }
}
