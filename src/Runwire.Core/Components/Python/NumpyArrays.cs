using System.Text.Json.Nodes;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Python;

/// <summary>numpy arrays of the value model (<c>double[]</c>, <c>object?[]</c>) and Python lists as columns, and back.</summary>
internal static class NumpyArrays
{
    /// <summary>Whether the value behaves as a 1-d array next to a Series or array (lists are converted like <c>np.asarray</c>).</summary>
    public static bool IsArrayLike(object? value) => PyValue.IsArray(value) || value is JsonArray;

    public static Column ToColumn(object? value) => value switch
    {
        double[] d => new Float64Column(d),
        object?[] o => Column.FromValues([.. o.Select(PyValue.Normalize)]),
        JsonArray list => FromList(list),
        _ => throw new InvalidOperationException("not array-like"),
    };

    /// <summary>The column as the array a numpy operation returns: float64 as <c>double[]</c>, other dtypes boxed.</summary>
    public static object ToArray(Column column)
    {
        if (column is Float64Column f)
        {
            return f.Values;
        }
        var boxed = new object?[column.Length];
        for (var i = 0; i < boxed.Length; i++)
        {
            boxed[i] = column.GetValue(i);
        }
        return boxed;
    }

    /// <summary>Both operands of a numpy operation as equally long columns (numpy broadcasting of scalars and length-1 arrays).</summary>
    public static (Operand Left, Operand Right) Pair(object? left, object? right)
    {
        var lc = IsArrayLike(left) ? ToColumn(left) : null;
        var rc = IsArrayLike(right) ? ToColumn(right) : null;
        var (ln, rn) = (lc?.Length ?? 1, rc?.Length ?? 1);
        if (ln != rn && ln != 1 && rn != 1)
        {
            throw PyErrors.BroadcastShapes(ln, rn);
        }
        var n = ln == 1 ? rn : ln;
        return (Side(left, lc, n), Side(right, rc, n));
    }

    private static Operand Side(object? value, Column? column, int length) =>
        column is null ? Operand.Broadcast(value, length)
        : column.Length == length ? Operand.Of(column)
        : Operand.Broadcast(column.GetValue(0), length);

    private static Column FromList(JsonArray list)
    {
        var values = list.Select(PyValue.FromJson).ToList();
        if (values.Any(v => v is JsonNode))
        {
            throw PyErrors.NotSupported("a nested list as a numpy array");
        }
        // np.asarray keeps None as an object element instead of turning it into NaN.
        return values.Contains(null) ? new ObjectColumn([.. values]) : Column.FromValues(values);
    }
}
