namespace Runwire.Core.Data.TimeOps;

/// <summary>
/// pandas' rolling aggregations over precomputed window bounds (<see cref="WindowBounds"/>), numerically as pandas 1.5
/// computes them: the sum adds and removes values with Kahan compensation as the window slides, so results equal
/// pandas' to the last bit rather than those of a fresh sum per window.
/// </summary>
public static class Rolling
{
    /// <summary>pandas' <c>roll_sum</c>: NaN-skipping sum, NaN when fewer than <paramref name="minPeriods"/> values.</summary>
    public static double[] Sum(ReadOnlySpan<double> values, int[] start, int[] end, int minPeriods)
    {
        values = Prepared(values);
        var n = start.Length;
        var output = new double[n];
        var monotonic = IsMonotonic(start) && IsMonotonic(end);
        var state = new KahanWindow();
        for (var i = 0; i < n; i++)
        {
            int s = start[i], e = end[i];
            if (i == 0 || !monotonic || s >= end[i - 1])
            {
                state = new KahanWindow { PreviousValue = s < values.Length ? values[s] : double.NaN };
                for (var j = s; j < e; j++)
                {
                    state.Add(values[j]);
                }
            }
            else
            {
                for (var j = start[i - 1]; j < s; j++)
                {
                    state.Remove(values[j]);
                }
                for (var j = end[i - 1]; j < e; j++)
                {
                    state.Add(values[j]);
                }
            }
            output[i] = state.Result(minPeriods);
            if (!monotonic)
            {
                state.ResetAfterNonMonotonic();
            }
        }
        return output;
    }

    /// <summary>pandas' <c>roll_median_c</c>: median of the non-NaN values, NaN below <paramref name="minPeriods"/>.</summary>
    public static double[] Median(ReadOnlySpan<double> values, int[] start, int[] end, int minPeriods)
    {
        values = Prepared(values);
        var output = new double[start.Length];
        var window = new SortedWindow();
        for (var i = 0; i < start.Length; i++)
        {
            window.MoveTo(values, start[i], end[i]);
            output[i] = window.Count >= minPeriods && window.Count > 0 ? window.Median() : double.NaN;
        }
        return output;
    }

    /// <summary>
    /// pandas' <c>rolling(...).apply(func, raw=True)</c>: calls <paramref name="func"/> with each window's raw values
    /// (NaN included) when at least <paramref name="minPeriods"/> of them are not NaN, NaN otherwise. pandas' Cython and
    /// numba engines agree on this count once infinities are NaN.
    /// </summary>
    public static double[] Apply(
        ReadOnlySpan<double> values, int[] start, int[] end, int minPeriods, Func<ReadOnlySpan<double>, double> func)
    {
        values = Prepared(values);
        var output = new double[start.Length];
        for (var i = 0; i < start.Length; i++)
        {
            var window = values[start[i]..Math.Max(start[i], end[i])];
            var counted = 0;
            foreach (var v in window)
            {
                counted += double.IsNaN(v) ? 0 : 1;
            }
            output[i] = counted >= minPeriods ? func(window) : double.NaN;
        }
        return output;
    }

    private static ReadOnlySpan<double> Prepared(ReadOnlySpan<double> values)
    {
        if (!values.ContainsAny(double.PositiveInfinity, double.NegativeInfinity))
        {
            return values;
        }
        var copy = values.ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            if (double.IsInfinity(copy[i]))
            {
                copy[i] = double.NaN;
            }
        }
        return copy;
    }

    private static bool IsMonotonic(int[] values)
    {
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] < values[i - 1])
            {
                return false;
            }
        }
        return true;
    }
}
