using Runwire.Core.Data;

namespace Runwire.Core.Components.Python;

/// <summary>
/// numpy arithmetic on numeric columns of equal length: float64 IEEE results (inf/NaN, no exceptions), wrapping int64,
/// numpy's bool rules. <c>pandas</c> adds pandas' fix-ups: int division/modulo by zero give inf/NaN, and bool
/// true/floor division and power are refused.
/// </summary>
internal static class NumericKernels
{
    public static Column Binary(BinaryOp op, Column left, Column right, bool pandas)
    {
        if (left is BoolColumn lb && right is BoolColumn rb)
        {
            return BoolBinary(op, lb.Values, rb.Values, pandas);
        }
        if (left.Kind == ColumnKind.Float64 || right.Kind == ColumnKind.Float64)
        {
            return FloatBinary(op, left.ToDoubles(), right.ToDoubles());
        }
        return IntKernels.Binary(op, IntKernels.ToLongs(left), IntKernels.ToLongs(right), pandas);
    }

    public static Float64Column FloatBinary(BinaryOp op, double[] a, double[] b)
    {
        var result = new double[a.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Float(op, a[i], b[i]);
        }
        return new Float64Column(result);
    }

    /// <summary>numpy's float64 operator (npy_divmod and friends): division by zero yields inf/NaN.</summary>
    public static double Float(BinaryOp op, double x, double y) => op switch
    {
        BinaryOp.Add => x + y,
        BinaryOp.Subtract => x - y,
        BinaryOp.Multiply => x * y,
        BinaryOp.TrueDivide => x / y,
        BinaryOp.FloorDivide => y == 0 ? x / y : PyFloat.DivMod(x, y, out _),
        BinaryOp.Modulo => y == 0 ? x % y : Mod(x, y),
        _ => Math.Pow(x, y),
    };

    private static double Mod(double x, double y)
    {
        PyFloat.DivMod(x, y, out var mod);
        return mod;
    }

    private static Column BoolBinary(BinaryOp op, bool[] a, bool[] b, bool pandas)
    {
        switch (op)
        {
            case BinaryOp.Add or BinaryOp.Multiply:
                var result = new bool[a.Length];
                for (var i = 0; i < result.Length; i++)
                {
                    result[i] = op == BinaryOp.Add ? a[i] | b[i] : a[i] & b[i];
                }
                return new BoolColumn(result);
            case BinaryOp.Subtract:
                throw PyException.TypeError("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.");
            case BinaryOp.TrueDivide or BinaryOp.FloorDivide or BinaryOp.Power when pandas:
                throw new PyException("NotImplementedError", $"operator '{OpNames.Pandas(op)}' not implemented for bool dtypes");
            case BinaryOp.TrueDivide:
                return FloatBinary(op, new BoolColumn(a).ToDoubles(), new BoolColumn(b).ToDoubles());
            default:
                return IntKernels.Binary(op, IntKernels.ToLongs(new BoolColumn(a)), IntKernels.ToLongs(new BoolColumn(b)), pandas);
        }
    }
}
