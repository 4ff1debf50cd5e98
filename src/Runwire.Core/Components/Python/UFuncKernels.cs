using Runwire.Core.Data;

namespace Runwire.Core.Components.Python;

/// <summary>numpy's unary functions on columns and scalars, with numpy's dtype rules (bool input computes in float16).</summary>
internal static class UFuncKernels
{
    public static Column Apply(UFunc f, Column column)
    {
        if (f == UFunc.Sign)
        {
            return Sign(column);
        }
        switch (column)
        {
            case Float64Column or Int64Column:
                return new Float64Column([.. column.ToDoubles().Select(x => Eval(f, x))]);
            case BoolColumn b:
                return new Float64Column([.. b.Values.Select(x => Half(f, x))]);
            case DateTimeColumn:
                throw DtypeLoop(f, "datetime64");
            default:
                return column.Length == 0 ? column : throw NoCallable(f, column.GetValue(0));
        }
    }

    public static object? Apply(UFunc f, object? scalar) => scalar switch
    {
        long l when f == UFunc.Sign => (object)(long)Math.Sign(l),
        long or double => (object)Eval(f, PyValue.ToDouble(scalar)),
        bool b => f == UFunc.Sign ? throw DtypeLoop(f, "bool_") : (object)Half(f, b),
        string => f == UFunc.Sign
            ? throw DtypeLoop(f, "str_")
            : throw PyException.TypeError($"ufunc '{OpNames.Ufunc(f)}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''"),
        _ when f == UFunc.Sign => throw PyException.TypeError($"'<' not supported between instances of '{PyValue.TypeName(scalar)}' and 'int'"),
        _ => throw NoCallable(f, scalar),
    };

    public static double Eval(UFunc f, double x) => f switch
    {
        UFunc.Sin => Math.Sin(x),
        UFunc.Cos => Math.Cos(x),
        UFunc.Tan => Math.Tan(x),
        UFunc.Arcsin => Math.Asin(x),
        UFunc.Arccos => Math.Acos(x),
        UFunc.Arctan => Math.Atan(x),
        UFunc.Log => Math.Log(x),
        UFunc.Sqrt => Math.Sqrt(x),
        // numpy: NaN stays NaN and -0.0 gives +0.0
        _ => x > 0 ? 1.0 : x < 0 ? -1.0 : x == 0 ? 0.0 : x,
    };

    // numpy runs float16 loops in float32 and rounds the result to half precision.
    private static double Half(UFunc f, bool value)
    {
        var x = value ? 1f : 0f;
        var single = f switch
        {
            UFunc.Sin => MathF.Sin(x),
            UFunc.Cos => MathF.Cos(x),
            UFunc.Tan => MathF.Tan(x),
            UFunc.Arcsin => MathF.Asin(x),
            UFunc.Arccos => MathF.Acos(x),
            UFunc.Arctan => MathF.Atan(x),
            UFunc.Log => MathF.Log(x),
            _ => MathF.Sqrt(x),
        };
        return (double)(System.Half)single;
    }

    private static Column Sign(Column column) => column switch
    {
        Float64Column d => new Float64Column([.. d.Values.Select(x => Eval(UFunc.Sign, x))]),
        Int64Column l => new Int64Column([.. l.Values.Select(x => (long)Math.Sign(x))]),
        BoolColumn => throw DtypeLoop(UFunc.Sign, "bool_"),
        DateTimeColumn => throw DtypeLoop(UFunc.Sign, "datetime64"),
        _ => new ObjectColumn([.. Enumerable.Range(0, column.Length).Select(i => (object?)ObjectSign(column.GetValue(i)))]),
    };

    // numpy's object loop for sign compares each element with 0 using Python's operators.
    private static long ObjectSign(object? value) =>
        PyCompare.Compare(CompareOp.Lt, value, 0L) ? -1L : PyCompare.Compare(CompareOp.Gt, value, 0L) ? 1L : 0L;

    private static PyException DtypeLoop(UFunc f, string dtype) =>
        new("UFuncTypeError", $"ufunc '{OpNames.Ufunc(f)}' did not contain a loop with signature matching types <class 'numpy.dtype[{dtype}]'> -> None");

    private static PyException NoCallable(UFunc f, object? element) =>
        PyException.TypeError($"loop of ufunc does not support argument 0 of type {PyValue.TypeName(element)} which has no callable {OpNames.Ufunc(f)} method");
}
