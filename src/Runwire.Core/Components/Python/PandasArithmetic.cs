using Runwire.Core.Data;

namespace Runwire.Core.Components.Python;

/// <summary>Binary arithmetic where a DataFrame, Series or numpy array takes part (pandas' and numpy's operator dispatch).</summary>
internal static class PandasArithmetic
{
    public static object? Apply(BinaryOp op, object? left, object? right, bool numpyScalars)
    {
        if (left is DataFrame || right is DataFrame)
        {
            return Frame(op, left, right);
        }
        if (left is Series ls)
        {
            return right is Series rs ? Series(op, ls, rs) : WithOther(op, ls, right, seriesOnLeft: true);
        }
        if (right is Series s)
        {
            return WithOther(op, s, left, seriesOnLeft: false);
        }
        if (PyValue.IsArray(left) || PyValue.IsArray(right))
        {
            return Arrays(op, left, right);
        }
        if (numpyScalars && PyValue.IsNumber(left) && PyValue.IsNumber(right))
        {
            var n = ElementWise.Binary(op, Operand.Broadcast(left, 1), Operand.Broadcast(right, 1), pandas: false);
            return n.GetValue(0);
        }
        return PyScalar.Binary(op, left, right);
    }

    private static Series Series(BinaryOp op, Series left, Series right)
    {
        var a = IndexAlignment.Outer(left.Index, right.Index);
        var lv = a.Left is null ? left.Values : left.Values.Take(a.Left);
        var rv = a.Right is null ? right.Values : right.Values.Take(a.Right);
        var values = ElementWise.Binary(op, Operand.Of(lv), Operand.Of(rv), pandas: true);
        return new Series(a.Index, values, left.Name == right.Name ? left.Name : null, left.CloneAttrs());
    }

    private static Series WithOther(BinaryOp op, Series series, object? other, bool seriesOnLeft)
    {
        var operand = OperandFor(other, series.Length);
        var (l, r) = seriesOnLeft ? (Operand.Of(series.Values), operand) : (operand, Operand.Of(series.Values));
        return series.WithValues(ElementWise.Binary(op, l, r, pandas: true));
    }

    private static object Arrays(BinaryOp op, object? left, object? right)
    {
        var (l, r) = NumpyArrays.Pair(left, right);
        return NumpyArrays.ToArray(ElementWise.Binary(op, l, r, pandas: false));
    }

    /// <summary>An array-like as a positional column (length 1 broadcasts), anything else as a broadcast scalar.</summary>
    public static Operand OperandFor(object? value, int length)
    {
        if (!NumpyArrays.IsArrayLike(value))
        {
            return Operand.Broadcast(value, length);
        }
        var column = NumpyArrays.ToColumn(value);
        return column.Length == length ? Operand.Of(column)
            : column.Length == 1 ? Operand.Broadcast(column.GetValue(0), length)
            : throw PyErrors.BroadcastShapes(length, column.Length);
    }

    // DataFrame binary operations in pandas 1.5.3 drop .attrs, unlike Series ones.
    private static DataFrame Frame(BinaryOp op, object? left, object? right)
    {
        if (left is DataFrame lf && right is DataFrame rf)
        {
            return FrameAlignment.Combine(lf, rf, (l, r) => ElementWise.Binary(op, Operand.Of(l), Operand.Of(r), pandas: true));
        }
        var (frame, other) = left is DataFrame f ? (f, right) : ((DataFrame)right!, left);
        if (other is Series || NumpyArrays.IsArrayLike(other))
        {
            throw PyErrors.NotSupported("DataFrame arithmetic with a Series, list or array (column-wise broadcasting)");
        }
        var columns = frame.Columns.Select(c =>
        {
            var scalar = Operand.Broadcast(other, c.Length);
            return left is DataFrame
                ? ElementWise.Binary(op, Operand.Of(c), scalar, pandas: true)
                : ElementWise.Binary(op, scalar, Operand.Of(c), pandas: true);
        });
        return new DataFrame(frame.Index, frame.ColumnNames, [.. columns]);
    }
}
