namespace Runwire.Core.Data.TimeOps;

/// <summary>numpy reductions as hetida's window functions call them (<c>np.median</c>, <c>np.mean</c> under numba).</summary>
public static class NumpyReductions
{
    /// <summary><c>np.median</c>: NaN for an empty array or one containing NaN; even counts average the middle pair.</summary>
    public static double Median(ReadOnlySpan<double> values)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }
        var sorted = values.ToArray();
        foreach (var v in sorted)
        {
            if (double.IsNaN(v))
            {
                return double.NaN;
            }
        }
        Array.Sort(sorted);
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary><c>np.mean</c> compiled by numba: a plain left-to-right sum divided by the count (NaN when empty).</summary>
    public static double NumbaMean(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }
        return sum / values.Length;
    }

    /// <summary><c>array[~np.isnan(array)]</c>.</summary>
    public static double[] WithoutNaN(ReadOnlySpan<double> values)
    {
        var count = 0;
        foreach (var v in values)
        {
            count += double.IsNaN(v) ? 0 : 1;
        }
        var result = new double[count];
        var k = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                result[k++] = v;
            }
        }
        return result;
    }

    /// <summary>The median absolute deviation <c>np.median(np.abs(x - np.median(x)))</c>.</summary>
    public static double MedianAbsoluteDeviation(ReadOnlySpan<double> values)
    {
        var center = Median(values);
        var deviations = new double[values.Length];
        for (var i = 0; i < deviations.Length; i++)
        {
            deviations[i] = Math.Abs(values[i] - center);
        }
        return Median(deviations);
    }
}
