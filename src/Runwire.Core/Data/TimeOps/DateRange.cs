namespace Runwire.Core.Data.TimeOps;

/// <summary><c>pandas.date_range(start, end, freq)</c> for fixed frequencies, in nanoseconds.</summary>
public static class DateRange
{
    /// <summary>
    /// Every <c>start + k * step</c> up to and including <paramref name="endNs"/> (pandas' <c>generate_regular_range</c>);
    /// empty when the step points away from the end.
    /// </summary>
    public static long[] Regular(long startNs, long endNs, long stepNs)
    {
        if (stepNs == 0)
        {
            throw PyException.ZeroDivision("integer division or modulo by zero");
        }
        // pandas stops at b + (e - b) // stride * stride + stride // 2 + 1 (floor divisions), then takes arange
        var stop = checked(startNs + FloorDiv(endNs - startNs, stepNs) * stepNs + FloorDiv(stepNs, 2) + 1);
        var count = stepNs > 0
            ? stop > startNs ? (stop - startNs + stepNs - 1) / stepNs : 0
            : stop < startNs ? (startNs - stop - stepNs - 1) / -stepNs : 0;
        var values = new long[count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = startNs + i * stepNs;
        }
        return values;
    }

    /// <summary>A fixed-frequency date range for an offset; NotImplementedError for calendar offsets (month ends, weeks, ...).</summary>
    public static long[] Regular(long startNs, long endNs, Offset freq)
    {
        if (!freq.IsTick)
        {
            throw new PyException("NotImplementedError", $"Runwire supports only fixed frequencies (days and shorter) here, not {freq}.");
        }
        return Regular(startNs, endNs, freq.Nanos);
    }

    internal static long FloorDiv(long a, long b)
    {
        var q = a / b;
        return (a % b != 0) && ((a < 0) != (b < 0)) ? q - 1 : q;
    }
}
