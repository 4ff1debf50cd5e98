using Runwire.Core.Data;

namespace Runwire.Core.Components.Python;

/// <summary>numpy int64 arithmetic: wrap-around on overflow, floor division, float true division.</summary>
internal static class IntKernels
{
    public static long[] ToLongs(Column column) => column switch
    {
        Int64Column l => l.Values,
        BoolColumn b => [.. b.Values.Select(v => v ? 1L : 0L)],
        _ => throw new InvalidOperationException("not an integer column"),
    };

    public static Column Binary(BinaryOp op, long[] a, long[] b, bool pandas)
    {
        if (op == BinaryOp.TrueDivide)
        {
            var quotients = new double[a.Length];
            for (var i = 0; i < a.Length; i++)
            {
                quotients[i] = (double)a[i] / b[i];
            }
            return new Float64Column(quotients);
        }
        if (op == BinaryOp.Power && b.Any(e => e < 0))
        {
            throw PyException.ValueError("Integers to negative integer powers are not allowed.");
        }
        var result = new long[a.Length];
        var zeroDivisor = false;
        for (var i = 0; i < a.Length; i++)
        {
            zeroDivisor |= b[i] == 0 && op is BinaryOp.FloorDivide or BinaryOp.Modulo;
            result[i] = Int(op, a[i], b[i]);
        }
        return pandas && zeroDivisor ? FillZeroDivision(op, a, b, result) : new Int64Column(result);
    }

    private static long Int(BinaryOp op, long x, long y) => op switch
    {
        BinaryOp.Add => unchecked(x + y),
        BinaryOp.Subtract => unchecked(x - y),
        BinaryOp.Multiply => unchecked(x * y),
        BinaryOp.FloorDivide => y == 0 ? 0 : y == -1 ? unchecked(-x) : FloorDivide(x, y),
        BinaryOp.Modulo => y is 0 or -1 ? 0 : FloorMod(x, y),
        _ => Pow(x, y),
    };

    private static long FloorDivide(long x, long y)
    {
        var q = x / y;
        return x % y != 0 && (x < 0) != (y < 0) ? q - 1 : q;
    }

    private static long FloorMod(long x, long y)
    {
        var r = x % y;
        return r != 0 && (r < 0) != (y < 0) ? r + y : r;
    }

    private static long Pow(long x, long y)
    {
        long result = 1;
        while (y > 0)
        {
            if ((y & 1) != 0)
            {
                result = unchecked(result * x);
            }
            x = unchecked(x * x);
            y >>= 1;
        }
        return result;
    }

    // pandas (ops.missing.mask_zero_div_zero): x // 0 is ±inf (NaN for 0 // 0), x % 0 is NaN, as float64.
    private static Float64Column FillZeroDivision(BinaryOp op, long[] a, long[] b, long[] result)
    {
        var filled = new double[result.Length];
        for (var i = 0; i < filled.Length; i++)
        {
            filled[i] = b[i] != 0 ? result[i]
                : op == BinaryOp.Modulo || a[i] == 0 ? double.NaN
                : a[i] > 0 ? double.PositiveInfinity : double.NegativeInfinity;
        }
        return new Float64Column(filled);
    }
}
