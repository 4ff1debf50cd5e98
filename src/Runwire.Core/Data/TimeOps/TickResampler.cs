namespace Runwire.Core.Data.TimeOps;

/// <summary>
/// <c>Series.resample(rule, closed, label, origin="epoch", offset)</c> for fixed frequencies (pandas 1.5): bin edges anchored
/// at the epoch plus <c>offset</c>, every bin between the first and last value (empty bins included), labels at the left
/// or right edge. Also keeps pandas' hack for multi-day rules closed on the right, whose edges move to the end of the day.
/// </summary>
public static class TickResampler
{
    /// <summary>Bins a sorted, NaT-free index: label of each bin and the exclusive end position of its values.</summary>
    public static (long[] Labels, int[] Ends) Bin(ReadOnlySpan<long> sortedNs, Offset rule, bool closedRight, bool labelRight, long offsetNs)
    {
        if (sortedNs.Length == 0)
        {
            return ([], []);
        }
        var step = rule.Nanos;
        var (first, last) = AnchoredRange(sortedNs[0], sortedNs[^1], step, closedRight, offsetNs);
        var binner = DateRange.Regular(first, last, step);
        var edges = binner;
        if (rule.Prefix == "D" && rule.N != 1 && closedRight)
        {
            // pandas' _adjust_bin_edges: for rules longer than a day, right-closed bins end at the last nanosecond of the day
            edges = [.. binner.Select(b => b + 86_400_000_000_000 - 1)];
            if (edges.Length >= 2 && edges[^2] > sortedNs[^1])
            {
                edges = edges[..^1];
                binner = binner[..^1];
            }
        }
        if (edges.Length == 0)
        {
            throw PyException.ValueError("Invalid length for values or for binner");
        }
        if (sortedNs[0] < edges[0])
        {
            throw PyException.ValueError("Values falls before first bin");
        }
        if (sortedNs[^1] > edges[^1])
        {
            throw PyException.ValueError("Values falls after last bin");
        }
        var ends = new int[edges.Length - 1];
        var j = 0;
        for (var i = 0; i < ends.Length; i++)
        {
            var right = edges[i + 1];
            while (j < sortedNs.Length && (closedRight ? sortedNs[j] <= right : sortedNs[j] < right))
            {
                j++;
            }
            ends[i] = j;
        }
        var labels = labelRight ? binner[1..] : binner;
        return (labels.Length > ends.Length ? labels[..ends.Length] : labels, ends);
    }

    private static (long First, long Last) AnchoredRange(long first, long last, long step, bool closedRight, long originNs)
    {
        var firstOffset = EpochNanos.FloorMod(first - originNs, step);
        var lastOffset = EpochNanos.FloorMod(last - originNs, step);
        var newFirst = firstOffset > 0 ? first - firstOffset : closedRight ? first - step : first;
        var newLast = lastOffset > 0 ? last + (step - lastOffset) : closedRight ? last : last + step;
        return (newFirst, newLast);
    }

    /// <summary>pandas' group mean (Kahan-compensated sum over the non-NaN values of each bin, NaN for empty bins).</summary>
    public static double[] Mean(ReadOnlySpan<double> values, int[] ends)
    {
        var result = new double[ends.Length];
        var begin = 0;
        for (var g = 0; g < ends.Length; g++)
        {
            double sum = 0, compensation = 0;
            var count = 0;
            for (var i = begin; i < ends[g]; i++)
            {
                var v = values[i];
                if (double.IsNaN(v))
                {
                    continue;
                }
                count++;
                var y = v - compensation;
                var t = sum + y;
                compensation = t - sum - y;
                sum = t;
            }
            result[g] = count == 0 ? double.NaN : sum / count;
            begin = ends[g];
        }
        return result;
    }

    /// <summary>pandas' group median over the non-NaN values of each bin (NaN for empty bins).</summary>
    public static double[] Median(ReadOnlySpan<double> values, int[] ends)
    {
        var result = new double[ends.Length];
        var begin = 0;
        for (var g = 0; g < ends.Length; g++)
        {
            result[g] = NumpyReductions.Median(NumpyReductions.WithoutNaN(values[begin..ends[g]]));
            begin = ends[g];
        }
        return result;
    }
}
