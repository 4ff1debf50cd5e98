using Runwire.Core.Data;

namespace Runwire.Core.Components.Python;

/// <summary>
/// Arithmetic on object columns the way pandas does it: the Python operator element by element; if that raises
/// TypeError, once more on the pairs where neither side is missing, with NaN elsewhere (pandas' _masked_arith_op).
/// </summary>
internal static class ObjectKernels
{
    public static ObjectColumn Binary(BinaryOp op, Operand left, Operand right)
    {
        var n = left.Column.Length;
        var result = new object?[n];
        try
        {
            for (var i = 0; i < n; i++)
            {
                result[i] = PyScalar.Binary(op, left.Column.GetValue(i), right.Column.GetValue(i));
            }
            return new ObjectColumn(result);
        }
        catch (PyException e) when (e.TypeName == "TypeError")
        {
            // pandas masks only when an object array takes part; a numeric column with an odd scalar re-raises.
            if (left.Column.Kind != ColumnKind.Object && right.Column.Kind != ColumnKind.Object)
            {
                throw;
            }
        }
        for (var i = 0; i < n; i++)
        {
            var (a, b) = (left.Column.GetValue(i), right.Column.GetValue(i));
            var masked = PyValue.IsNa(a) || (!right.IsScalar && PyValue.IsNa(b));
            // 1 ** NaN is 1, so pandas keeps those pairs.
            masked &= !(op == BinaryOp.Power && IsOne(a));
            result[i] = masked ? double.NaN : PyScalar.Binary(op, a, b);
        }
        return new ObjectColumn(result);
    }

    private static bool IsOne(object? value) => value is long and 1 or double and 1.0 or true;
}
