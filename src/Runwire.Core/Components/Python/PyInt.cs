using System.Numerics;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Python;

/// <summary>Python int arithmetic on 64-bit values: exact results, floor division, and an error instead of a big int.</summary>
internal static class PyInt
{
    private const long TwoPow53 = 1L << 53;

    public static long Add(long a, long b) => Checked(() => checked(a + b));

    public static long Subtract(long a, long b) => Checked(() => checked(a - b));

    public static long Multiply(long a, long b) => Checked(() => checked(a * b));

    public static long FloorDivide(long a, long b)
    {
        if (b == 0)
        {
            throw PyException.ZeroDivision("integer division or modulo by zero");
        }
        if (a == long.MinValue && b == -1)
        {
            throw PyErrors.IntOverflow();
        }
        var q = a / b;
        return a % b != 0 && (a < 0) != (b < 0) ? q - 1 : q;
    }

    public static long Modulo(long a, long b)
    {
        if (b == 0)
        {
            throw PyException.ZeroDivision("integer modulo by zero");
        }
        if (b == -1)
        {
            return 0;
        }
        var r = a % b;
        return r != 0 && (r < 0) != (b < 0) ? r + b : r;
    }

    /// <summary><c>a ** b</c>: an int for b ≥ 0, else float power (which raises for 0 ** negative).</summary>
    public static object Power(long a, long b)
    {
        if (b < 0)
        {
            return PyFloat.Power(a, b);
        }
        long result = 1, factor = a;
        while (true)
        {
            if ((b & 1) != 0)
            {
                result = Multiply(result, factor);
            }
            b >>= 1;
            if (b == 0)
            {
                return result;
            }
            factor = Multiply(factor, factor);
        }
    }

    /// <summary><c>a / b</c> correctly rounded like CPython, also when the operands exceed 2**53.</summary>
    public static double TrueDivide(long a, long b)
    {
        if (b == 0)
        {
            throw PyException.ZeroDivision("division by zero");
        }
        if (Math.Abs((double)a) <= TwoPow53 && Math.Abs((double)b) <= TwoPow53)
        {
            return (double)a / b;
        }
        return ExactQuotient(a, b);
    }

    public static long Abs(long a) => a == long.MinValue ? throw PyErrors.IntOverflow() : Math.Abs(a);

    private static double ExactQuotient(long a, long b)
    {
        var negative = (a < 0) != (b < 0);
        var n = BigInteger.Abs(a);
        var d = BigInteger.Abs(b);
        if (n.IsZero)
        {
            return negative ? -0.0 : 0.0;
        }
        // Scale so the integer quotient carries at least 55 bits, then round half to even on bit 53 with a sticky remainder.
        var shift = 55 - (int)(n.GetBitLength() - d.GetBitLength());
        var q = shift >= 0 ? BigInteger.DivRem(n << shift, d, out var r) : BigInteger.DivRem(n, d << -shift, out r);
        var extra = (int)q.GetBitLength() - 53;
        var low = q & ((BigInteger.One << extra) - 1);
        var half = BigInteger.One << (extra - 1);
        q >>= extra;
        if (low > half || (low == half && (!r.IsZero || !q.IsEven)))
        {
            q += 1;
        }
        var magnitude = Math.ScaleB((double)q, extra - shift);
        return negative ? -magnitude : magnitude;
    }

    private static long Checked(Func<long> operation)
    {
        try
        {
            return operation();
        }
        catch (OverflowException)
        {
            throw PyErrors.IntOverflow();
        }
    }
}
