using Runwire.Core.Data;

namespace Runwire.Core.Components.Python;

/// <summary>numpy's <c>round</c> on a column (<c>Series.round</c>), including the errors numpy raises for bool and object data.</summary>
internal static class RoundKernels
{
    public static Column Apply(Column column, long decimals) => column switch
    {
        Float64Column d => new Float64Column([.. d.Values.Select(x => PyRound.NumpyRound(x, decimals))]),
        Int64Column l when decimals >= 0 => l,
        Int64Column l => new Int64Column([.. l.Values.Select(x => (long)PyRound.NumpyRound(x, decimals))]),
        BoolColumn => throw new PyException("UFuncTypeError",
            $"Cannot cast ufunc '{(decimals >= 0 ? "multiply" : "true_divide")}' output from dtype('float64') to dtype('bool') with casting rule 'same_kind'"),
        DateTimeColumn => throw PyErrors.NotSupported("rounding datetime values"),
        _ => Objects(column, decimals),
    };

    // numpy scales each object with Python's * or /, then finds no rint method on the (Python) result.
    private static Column Objects(Column column, long decimals)
    {
        if (column.Length == 0)
        {
            return column;
        }
        var factor = Math.Pow(10, Math.Abs(decimals));
        object? first = null;
        for (var i = 0; i < column.Length; i++)
        {
            var scaled = PyScalar.Binary(decimals >= 0 ? BinaryOp.Multiply : BinaryOp.TrueDivide, column.GetValue(i), factor);
            first ??= scaled;
        }
        throw PyException.TypeError($"loop of ufunc does not support argument 0 of type {PyValue.TypeName(first)} which has no callable rint method");
    }
}
