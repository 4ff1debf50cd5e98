using Runwire.Core.Data;

namespace Runwire.Core.Components.Python;

/// <summary>One side of an element-wise operation: a column, or a scalar broadcast to the other side's length.</summary>
internal readonly record struct Operand(Column Column, object? Scalar, bool IsScalar)
{
    public static Operand Of(Column column) => new(column, null, false);

    public static Operand Broadcast(object? scalar, int length) => new(Repeat(scalar, length), scalar, true);

    public bool IsNumeric => Column.Kind is ColumnKind.Float64 or ColumnKind.Int64 or ColumnKind.Bool;

    /// <summary>The scalar as a column of numpy's dtype for it (int64, float64, bool, datetime64, else object).</summary>
    private static Column Repeat(object? scalar, int length)
    {
        switch (scalar)
        {
            case long l:
                var longs = new long[length];
                Array.Fill(longs, l);
                return new Int64Column(longs);
            case double d:
                var doubles = new double[length];
                Array.Fill(doubles, d);
                return new Float64Column(doubles);
            case bool b:
                var bools = new bool[length];
                Array.Fill(bools, b);
                return new BoolColumn(bools);
            case DateTime t:
                var ticks = new long[length];
                Array.Fill(ticks, t.Ticks);
                return new DateTimeColumn(ticks, t.Kind == DateTimeKind.Utc);
            default:
                var objects = new object?[length];
                Array.Fill(objects, scalar);
                return new ObjectColumn(objects);
        }
    }
}
