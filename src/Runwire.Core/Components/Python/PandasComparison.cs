using Runwire.Core.Data;

namespace Runwire.Core.Components.Python;

/// <summary>Comparisons where a DataFrame, Series or numpy array takes part: the operator form and pandas' flex methods.</summary>
internal static class PandasComparison
{
    /// <summary><c>left op right</c>: Series and DataFrames must be identically labelled (ValueError otherwise).</summary>
    public static object? Operator(CompareOp op, object? left, object? right)
    {
        if (left is DataFrame || right is DataFrame)
        {
            return left is DataFrame lf && right is DataFrame rf && !SameLabels(lf, rf)
                ? throw PyException.ValueError("Can only compare identically-labeled DataFrame objects")
                : Frame(op, left, right);
        }
        if (left is Series ls)
        {
            return WithOther(op, ls, right, flex: false);
        }
        if (right is Series rs)
        {
            return WithOther(OpNames.Mirror(op), rs, left, flex: false);
        }
        if (PyValue.IsArray(left) || PyValue.IsArray(right))
        {
            var (l, r) = NumpyArrays.Pair(left, right);
            return NumpyArrays.ToArray(ColumnCompare.Compare(op, l, r));
        }
        return PyCompare.Compare(op, left, right);
    }

    /// <summary><c>left.eq(right)</c> etc.: aligns Series and DataFrames on their labels first (missing pairs compare False, != True).</summary>
    public static object? Flex(CompareOp op, object? left, object? right) => left switch
    {
        Series s => WithOther(op, s, right, flex: true),
        DataFrame => Frame(op, left, right),
        _ => throw PyErrors.NoAttribute(left, OpNames.Method(op)),
    };

    private static Series WithOther(CompareOp op, Series series, object? other, bool flex)
    {
        if (other is DataFrame)
        {
            throw PyErrors.NotSupported("comparing a Series with a DataFrame");
        }
        if (other is Series o)
        {
            if (!flex && !IndexAlignment.Equal(series.Index, o.Index))
            {
                throw PyException.ValueError("Can only compare identically-labeled Series objects");
            }
            var a = IndexAlignment.Outer(series.Index, o.Index);
            var l = a.Left is null ? series.Values : series.Values.Take(a.Left);
            var r = a.Right is null ? o.Values : o.Values.Take(a.Right);
            var name = series.Name == o.Name ? series.Name : null;
            return new Series(a.Index, ColumnCompare.Compare(op, Operand.Of(l), Operand.Of(r)), name, series.CloneAttrs());
        }
        Operand operand;
        if (NumpyArrays.IsArrayLike(other))
        {
            var column = NumpyArrays.ToColumn(other);
            if (column.Length != series.Length)
            {
                throw PyException.ValueError(flex ? "Lengths must be equal" : $"('Lengths must match to compare', ({series.Length},), ({column.Length},))");
            }
            operand = Operand.Of(column);
        }
        else
        {
            operand = Operand.Broadcast(other, series.Length);
        }
        return series.WithValues(ColumnCompare.Compare(op, Operand.Of(series.Values), operand));
    }

    private static DataFrame Frame(CompareOp op, object? left, object? right)
    {
        if (left is DataFrame lf && right is DataFrame rf)
        {
            return FrameAlignment.Combine(lf, rf, (l, r) => ColumnCompare.Compare(op, Operand.Of(l), Operand.Of(r)));
        }
        var (frame, other, mirrored) = left is DataFrame f ? (f, right, false) : ((DataFrame)right!, left, true);
        if (other is Series || NumpyArrays.IsArrayLike(other))
        {
            throw PyErrors.NotSupported("comparing a DataFrame with a Series, list or array");
        }
        var cop = mirrored ? OpNames.Mirror(op) : op;
        var columns = frame.Columns.Select(c => (Column)ColumnCompare.Compare(cop, Operand.Of(c), Operand.Broadcast(other, c.Length)));
        return new DataFrame(frame.Index, frame.ColumnNames, [.. columns]);
    }

    private static bool SameLabels(DataFrame a, DataFrame b) =>
        IndexAlignment.Equal(a.Index, b.Index) && a.ColumnNames.SequenceEqual(b.ColumnNames);
}
