using System.Globalization;
using System.Numerics;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Python;

/// <summary>
/// Python's <c>round(x, n)</c>: correctly rounded (half to even on the exact binary value, so round(2.675, 2) == 2.67),
/// ints stay ints. numpy's <see cref="NumpyRound"/> differs: it scales by 10**n, rounds half to even, and scales back.
/// </summary>
internal static class PyRound
{
    public static object Round(object? value, object? ndigits)
    {
        if (ndigits is null)
        {
            return ToInt(value);
        }
        var n = Digits(ndigits);
        return value switch
        {
            long l => (object)RoundInt(l, n),
            bool b => (object)RoundInt(b ? 1 : 0, n),
            double d => (object)RoundFloat(d, n),
            _ => throw NoRound(value),
        };
    }

    public static long Digits(object? ndigits) => ndigits switch
    {
        long l => l,
        bool b => b ? 1 : 0,
        _ => throw PyException.TypeError($"'{PyValue.TypeName(ndigits)}' object cannot be interpreted as an integer"),
    };

    public static PyException NoRound(object? value) =>
        PyException.TypeError($"type {PyValue.TypeName(value)} doesn't define __round__ method");

    public static double RoundFloat(double x, long n)
    {
        // CPython: beyond these digit counts the value is returned unchanged, or rounds to a signed zero.
        if (!double.IsFinite(x) || x == 0 || n > 323)
        {
            return x;
        }
        if (n < -308)
        {
            return 0.0 * x;
        }
        var bits = BitConverter.DoubleToInt64Bits(x);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        mantissa = exponent == 0 ? mantissa : mantissa | (1L << 52);
        var e = (exponent == 0 ? 1 : exponent) - 1075;
        BigInteger num = mantissa, den = BigInteger.One;
        num = e >= 0 ? num << e : num;
        den = e < 0 ? den << -e : den;
        if (n >= 0)
        {
            num *= BigInteger.Pow(10, (int)n);
        }
        else
        {
            den *= BigInteger.Pow(10, (int)-n);
        }
        var rounded = HalfEven(num, den);
        if (rounded.IsZero)
        {
            return Math.CopySign(0.0, x);
        }
        var magnitude = double.Parse($"{rounded}E{-n}", CultureInfo.InvariantCulture);
        return x < 0 ? -magnitude : magnitude;
    }

    /// <summary>numpy's <c>np.round</c>/<c>Series.round</c> on one float: scale, round half to even, scale back.</summary>
    public static double NumpyRound(double x, long n)
    {
        var f = PowerOfTen(Math.Abs(n));
        return n >= 0 ? Math.Round(x * f, MidpointRounding.ToEven) / f : Math.Round(x / f, MidpointRounding.ToEven) * f;
    }

    private static long RoundInt(long x, long n)
    {
        if (n >= 0)
        {
            return x;
        }
        var pow = BigInteger.Pow(10, (int)Math.Min(-n, 400));
        var q = BigInteger.DivRem(x, pow, out var r);
        if (r.Sign < 0)
        {
            q -= 1;
            r += pow;
        }
        var doubled = 2 * r;
        if (doubled > pow || (doubled == pow && !q.IsEven))
        {
            q += 1;
        }
        var result = q * pow;
        return result >= long.MinValue && result <= long.MaxValue ? (long)result : throw PyErrors.IntOverflow();
    }

    private static long ToInt(object? value) => value switch
    {
        long l => l,
        bool b => b ? 1 : 0,
        double d when double.IsNaN(d) => throw PyException.ValueError("cannot convert float NaN to integer"),
        double d when double.IsInfinity(d) => throw new PyException("OverflowError", "cannot convert float infinity to integer"),
        double d => Math.Abs(d) < 9.2e18 ? (long)Math.Round(d, MidpointRounding.ToEven) : throw PyErrors.IntOverflow(),
        _ => throw NoRound(value),
    };

    private static BigInteger HalfEven(BigInteger num, BigInteger den)
    {
        var q = BigInteger.DivRem(num, den, out var r);
        var doubled = 2 * r;
        return doubled > den || (doubled == den && !q.IsEven) ? q + 1 : q;
    }

    // numpy's power_of_ten: exact table up to 1e8, then repeated multiplication (which stops being exact past 1e22).
    private static double PowerOfTen(long n)
    {
        double[] table = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];
        if (n < 9)
        {
            return table[n];
        }
        var result = 1e9;
        while (n-- > 9)
        {
            result *= 10.0;
        }
        return result;
    }
}
