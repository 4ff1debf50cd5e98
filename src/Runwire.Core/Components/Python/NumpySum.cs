namespace Runwire.Core.Components.Python;

/// <summary>numpy's float64 summation (<c>np.add.reduce</c>), reproduced to the last bit: pairwise in blocks of 8.</summary>
public static class NumpySum
{
    /// <summary>The sum numpy returns for a contiguous float64 array.</summary>
    public static double Sum(ReadOnlySpan<double> values) => 0.0 + Pairwise(values);

    private static double Pairwise(ReadOnlySpan<double> a)
    {
        var n = a.Length;
        if (n < 8)
        {
            var res = 0.0;
            foreach (var x in a)
            {
                res += x;
            }
            return res;
        }
        if (n <= 128)
        {
            Span<double> r = stackalloc double[8];
            a[..8].CopyTo(r);
            var i = 8;
            for (; i < n - (n % 8); i += 8)
            {
                for (var j = 0; j < 8; j++)
                {
                    r[j] += a[i + j];
                }
            }
            var sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++)
            {
                sum += a[i];
            }
            return sum;
        }
        var half = n / 2;
        half -= half % 8;
        return Pairwise(a[..half]) + Pairwise(a[half..]);
    }
}
