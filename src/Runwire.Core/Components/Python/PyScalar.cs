using System.Text;
using System.Text.Json.Nodes;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Python;

/// <summary>Python's binary operators on scalars of the value model: numbers, str and list sequences.</summary>
internal static class PyScalar
{
    public static object? Binary(BinaryOp op, object? a, object? b)
    {
        a = PyValue.Normalize(a);
        b = PyValue.Normalize(b);
        if (PyValue.IsNumber(a) && PyValue.IsNumber(b))
        {
            return a is double || b is double
                ? Float(op, PyValue.ToDouble(a), PyValue.ToDouble(b))
                : Int(op, PyValue.ToLong(a), PyValue.ToLong(b));
        }
        if (a is DateTime || b is DateTime)
        {
            throw op is BinaryOp.Add or BinaryOp.Subtract ? PyErrors.DatetimeArithmetic() : PyErrors.UnsupportedOperand(op, a, b);
        }
        return op switch
        {
            BinaryOp.Add => Concatenate(a, b),
            BinaryOp.Multiply => Repeat(a, b) ?? Repeat(b, a) ?? throw SequenceTimes(a, b),
            BinaryOp.Modulo when a is string s => Format(s),
            _ => throw PyErrors.UnsupportedOperand(op, a, b),
        };
    }

    private static object Int(BinaryOp op, long a, long b) => op switch
    {
        BinaryOp.Add => (object)PyInt.Add(a, b),
        BinaryOp.Subtract => PyInt.Subtract(a, b),
        BinaryOp.Multiply => PyInt.Multiply(a, b),
        BinaryOp.TrueDivide => PyInt.TrueDivide(a, b),
        BinaryOp.FloorDivide => PyInt.FloorDivide(a, b),
        BinaryOp.Modulo => PyInt.Modulo(a, b),
        _ => PyInt.Power(a, b),
    };

    private static double Float(BinaryOp op, double a, double b) => op switch
    {
        BinaryOp.Add => a + b,
        BinaryOp.Subtract => a - b,
        BinaryOp.Multiply => a * b,
        BinaryOp.TrueDivide => PyFloat.TrueDivide(a, b),
        BinaryOp.FloorDivide => PyFloat.FloorDivide(a, b),
        BinaryOp.Modulo => PyFloat.Modulo(a, b),
        _ => PyFloat.Power(a, b),
    };

    private static object Concatenate(object? a, object? b) => (a, b) switch
    {
        (string x, string y) => x + y,
        (JsonArray x, JsonArray y) => new JsonArray([.. x.Concat(y).Select(n => n?.DeepClone())]),
        (string, _) => throw PyException.TypeError($"can only concatenate str (not \"{PyValue.TypeName(b)}\") to str"),
        (JsonArray, _) => throw PyException.TypeError($"can only concatenate list (not \"{PyValue.TypeName(b)}\") to list"),
        _ => throw PyErrors.UnsupportedOperand(BinaryOp.Add, a, b),
    };

    private static object? Repeat(object? sequence, object? count)
    {
        if (count is not (long or bool) || sequence is not (string or JsonArray))
        {
            return null;
        }
        var n = PyValue.ToLong(count);
        var size = sequence is string text ? text.Length : ((JsonArray)sequence).Count;
        if (n > 0 && size > 0 && n > (1 << 28) / size)
        {
            throw new PyException("MemoryError", "");
        }
        if (sequence is string s)
        {
            return n <= 0 ? "" : new StringBuilder(s.Length * (int)n).Insert(0, s, (int)n).ToString();
        }
        var list = (JsonArray)sequence;
        var result = new JsonArray();
        for (var i = 0L; i < n; i++)
        {
            foreach (var node in list)
            {
                result.Add(node?.DeepClone());
            }
        }
        return result;
    }

    private static PyException SequenceTimes(object? a, object? b)
    {
        var other = a is string or JsonArray ? b : a;
        return a is string or JsonArray || b is string or JsonArray
            ? PyException.TypeError($"can't multiply sequence by non-int of type '{PyValue.TypeName(other)}'")
            : PyErrors.UnsupportedOperand(BinaryOp.Multiply, a, b);
    }

    // printf-style formatting is out of scope; a format string without '%' fails in Python exactly like this.
    private static string Format(string format) => format.Contains('%', StringComparison.Ordinal)
        ? throw PyErrors.NotSupported("printf-style string formatting with %")
        : throw PyException.TypeError("not all arguments converted during string formatting");
}
