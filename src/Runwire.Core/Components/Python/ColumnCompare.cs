using Runwire.Core.Data;

namespace Runwire.Core.Components.Python;

/// <summary>pandas' element-wise comparisons (<c>ops.comparison_op</c>): missing values compare False (True for !=).</summary>
internal static class ColumnCompare
{
    public static BoolColumn Compare(CompareOp op, Operand left, Operand right)
    {
        var (l, r) = (left.Column, right.Column);
        var n = l.Length;
        if (left.IsNumeric && right.IsNumeric)
        {
            return Numeric(op, l, r);
        }
        if (l is DateTimeColumn || r is DateTimeColumn)
        {
            return DateTimes(op, left, right);
        }
        if ((left.IsNumeric && right.Scalar is string) || (right.IsNumeric && left.Scalar is string))
        {
            return Invalid(op, n, left.IsScalar ? right : left, left.IsScalar ? left : right);
        }
        var result = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var (a, b) = (l.GetValue(i), r.GetValue(i));
            result[i] = PyValue.IsNa(a) || PyValue.IsNa(b) ? op == CompareOp.Ne : PyCompare.Compare(op, a, b);
        }
        return new BoolColumn(result);
    }

    private static BoolColumn Numeric(CompareOp op, Column l, Column r)
    {
        var result = new bool[l.Length];
        if (l.Kind != ColumnKind.Float64 && r.Kind != ColumnKind.Float64)
        {
            var (a, b) = (IntKernels.ToLongs(l), IntKernels.ToLongs(r));
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = PyCompare.Holds(op, a[i].CompareTo(b[i]));
            }
            return new BoolColumn(result);
        }
        var (x, y) = (l.ToDoubles(), r.ToDoubles());
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = double.IsNaN(x[i]) || double.IsNaN(y[i]) ? op == CompareOp.Ne : PyCompare.Holds(op, x[i].CompareTo(y[i]));
        }
        return new BoolColumn(result);
    }

    private static BoolColumn DateTimes(CompareOp op, Operand left, Operand right)
    {
        var isUtc = ((DateTimeColumn)(left.Column as DateTimeColumn ?? right.Column)).IsUtc;
        var l = ToDateTimes(left, isUtc);
        var r = ToDateTimes(right, isUtc);
        if (l is null || r is null || l.IsUtc != r.IsUtc)
        {
            var column = left.Column is DateTimeColumn ? left : right;
            return Invalid(op, left.Column.Length, column, ReferenceEquals(column.Column, left.Column) ? right : left);
        }
        var result = new bool[l.Length];
        for (var i = 0; i < result.Length; i++)
        {
            var missing = l.Ticks[i] == DateTimeColumn.NaT || r.Ticks[i] == DateTimeColumn.NaT;
            result[i] = missing ? op == CompareOp.Ne : PyCompare.Holds(op, l.Ticks[i].CompareTo(r.Ticks[i]));
        }
        return new BoolColumn(result);
    }

    // pandas compares a datetime column with a str scalar by parsing it as a Timestamp; a naive string counts as UTC.
    private static DateTimeColumn? ToDateTimes(Operand operand, bool isUtc)
    {
        if (operand.Column is DateTimeColumn d)
        {
            return d;
        }
        if (operand.Scalar is string s && DateParser.ParseIso(s) is { } iso)
        {
            var kind = isUtc ? DateTimeKind.Utc : DateTimeKind.Unspecified;
            return (DateTimeColumn)Operand.Broadcast(new DateTime(iso.Value.Ticks, kind), operand.Column.Length).Column;
        }
        return null;
    }

    /// <summary>pandas' <c>invalid_comparison</c>: == is all False, != all True, ordering raises.</summary>
    private static BoolColumn Invalid(CompareOp op, int n, Operand column, Operand other)
    {
        if (op is not (CompareOp.Eq or CompareOp.Ne))
        {
            var otherType = other.IsScalar ? PyValue.TypeName(other.Scalar) : PyErrors.Dtype(other.Column);
            throw PyException.TypeError($"Invalid comparison between dtype={PyErrors.Dtype(column.Column)} and {otherType}");
        }
        var result = new bool[n];
        Array.Fill(result, op == CompareOp.Ne);
        return new BoolColumn(result);
    }
}
