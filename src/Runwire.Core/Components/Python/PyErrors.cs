using Runwire.Core.Data;

namespace Runwire.Core.Components.Python;

/// <summary>The exceptions Python, numpy and pandas raise for operator misuse, with their exact messages.</summary>
internal static class PyErrors
{
    public static PyException UnsupportedOperand(BinaryOp op, object? a, object? b) =>
        PyException.TypeError($"unsupported operand type(s) for {OpNames.Symbol(op)}: '{PyValue.TypeName(a)}' and '{PyValue.TypeName(b)}'");

    public static PyException NotOrderable(CompareOp op, object? a, object? b) =>
        PyException.TypeError($"'{OpNames.Symbol(op)}' not supported between instances of '{PyValue.TypeName(a)}' and '{PyValue.TypeName(b)}'");

    /// <summary>Python ints are unbounded; Runwire's are 64-bit, so a result beyond that is an error instead of a big int.</summary>
    public static PyException IntOverflow() =>
        new("OverflowError", "Python int too large: Runwire represents Python ints as 64-bit integers");

    public static PyException FloatOverflow() => new("OverflowError", "(34, 'Numerical result out of range')");

    public static PyException NotSupported(string what) => new("NotSupportedError", $"{what} is not supported by Runwire");

    public static PyException DatetimeArithmetic() =>
        NotSupported("arithmetic with datetime values (Timedelta results are not part of the value model)");

    /// <summary>numpy's complaint when a numeric array meets a str scalar in an arithmetic ufunc.</summary>
    public static PyException UfuncNoLoop(BinaryOp op, string leftDtype, string rightDtype) =>
        new("UFuncTypeError", $"ufunc '{OpNames.Ufunc(op)}' did not contain a loop with signature matching types (dtype('{leftDtype}'), dtype('{rightDtype}')) -> None");

    public static PyException BroadcastShapes(int left, int right) =>
        PyException.ValueError($"operands could not be broadcast together with shapes ({left},) ({right},) ");

    public static PyException NoAttribute(object? value, string attribute) =>
        new("AttributeError", $"'{PyValue.TypeName(value)}' object has no attribute '{attribute}'");

    /// <summary>Python's <c>isinstance(e, cls)</c> for the exception classes whose subclasses Runwire raises.</summary>
    public static bool IsInstance(PyException e, string pythonClass) => e.TypeName == pythonClass || (e.TypeName, pythonClass) switch
    {
        ("ParserError", "ValueError") => true,
        ("UFuncTypeError", "TypeError") => true,
        ("ZeroDivisionError" or "OverflowError", "ArithmeticError") => true,
        _ => false,
    };

    /// <summary>numpy's dtype name of a column, as it appears in error messages.</summary>
    public static string Dtype(Column column) => column switch
    {
        Float64Column => "float64",
        Int64Column => "int64",
        BoolColumn => "bool",
        DateTimeColumn { IsUtc: true } => "datetime64[ns, UTC]",
        DateTimeColumn => "datetime64[ns]",
        _ => "object",
    };
}
