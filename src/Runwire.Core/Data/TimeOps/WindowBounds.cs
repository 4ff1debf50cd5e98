namespace Runwire.Core.Data.TimeOps;

/// <summary>
/// pandas' <c>calculate_variable_window_bounds</c> (time-based rolling windows, pandas 1.5): for each row the half-open
/// position range [start, end) of the rows in its window. The quirks are pandas': with duplicate timestamps a right-closed
/// window of an earlier duplicate does not see the later ones, and a centred window of odd nanosecond size is closed on
/// both sides.
/// </summary>
public static class WindowBounds
{
    /// <summary>Window bounds over a monotonic index in nanoseconds.</summary>
    /// <param name="index">The index values (increasing or decreasing, no NaT).</param>
    /// <param name="windowNanos">The window length.</param>
    /// <param name="center">pandas' <c>center</c>.</param>
    /// <param name="closed">"right" (default for offsets), "left", "both" or "neither".</param>
    public static (int[] Start, int[] End) Variable(ReadOnlySpan<long> index, long windowNanos, bool center, string closed = "right")
    {
        var n = index.Length;
        var start = new int[n];
        var end = new int[n];
        if (n == 0)
        {
            return (start, end);
        }
        var rightClosed = closed is "right" or "both";
        var leftClosed = closed is "left" or "both";
        if (center && windowNanos % 2 == 1)
        {
            rightClosed = leftClosed = true;
        }
        long sign = index[n - 1] < index[0] ? -1 : 1;
        end[0] = rightClosed ? 1 : 0;
        if (center)
        {
            var endBound = index[0] + sign * windowNanos / 2;
            for (var j = 0; j < n; j++)
            {
                var d = (index[j] - endBound) * sign;
                if (d < 0 || (d == 0 && rightClosed))
                {
                    end[0] = j + 1;
                }
                else
                {
                    end[0] = j;
                    break;
                }
            }
        }
        for (var i = 1; i < n; i++)
        {
            var endBound = center ? index[i] + sign * windowNanos / 2 : index[i];
            var startBound = center ? index[i] - sign * windowNanos / 2 : index[i] - sign * windowNanos;
            if (leftClosed)
            {
                startBound -= sign;
            }
            start[i] = i;
            for (var j = start[i - 1]; j < i; j++)
            {
                if ((index[j] - startBound) * sign > 0)
                {
                    start[i] = j;
                    break;
                }
            }
            end[i] = center ? CenteredEnd(index, end[i - 1], endBound, sign, rightClosed)
                : (index[end[i - 1]] - endBound) * sign <= 0 ? i + 1
                : end[i - 1];
            if (!rightClosed && !center)
            {
                end[i] -= 1;
            }
        }
        return (start, end);
    }

    private static int CenteredEnd(ReadOnlySpan<long> index, int previousEnd, long endBound, long sign, bool rightClosed)
    {
        var result = previousEnd;
        for (var j = previousEnd; j <= index.Length; j++)
        {
            if (j == index.Length)
            {
                return j;
            }
            var d = (index[j] - endBound) * sign;
            if (d == 0 && rightClosed)
            {
                result = j + 1;
            }
            else if (d >= 0)
            {
                return j;
            }
        }
        return result;
    }
}
