using Runwire.Core.Data;

namespace Runwire.Core.Components.Python;

/// <summary>Python's <c>abs()</c> on scalars and numpy's <c>np.abs</c> on columns (int64 wraps at the minimum like numpy).</summary>
internal static class AbsKernels
{
    public static object OfScalar(object? value) => value switch
    {
        // arms cast to object: a switch mixing long and double arms would widen every int to float
        long l => (object)PyInt.Abs(l),
        double d => (object)Math.Abs(d),
        bool b => (object)(b ? 1L : 0L),
        _ => throw PyException.TypeError($"bad operand type for abs(): '{PyValue.TypeName(value)}'"),
    };

    public static Column OfColumn(Column column) => column switch
    {
        Float64Column d => new Float64Column([.. d.Values.Select(Math.Abs)]),
        Int64Column l => new Int64Column([.. l.Values.Select(x => x == long.MinValue ? x : Math.Abs(x))]),
        BoolColumn => column,
        DateTimeColumn => throw PyException.TypeError("bad operand type for abs(): 'DatetimeArray'"),
        _ => new ObjectColumn([.. Enumerable.Range(0, column.Length).Select(i => (object?)OfScalar(column.GetValue(i)))]),
    };
}
