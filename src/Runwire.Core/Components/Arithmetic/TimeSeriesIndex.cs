using Runwire.Core.Components.Python;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Arithmetic;

/// <summary>
/// The preparation hetida's series calculus components share: a numeric index is used as it is, anything else goes
/// through <c>pd.to_datetime</c> (failure ⇒ TypeError "indices of data must be numeric or datetime"), then sort_index.
/// </summary>
internal static class TimeSeriesIndex
{
    /// <summary>The index as numbers or datetimes. <paramref name="catchValueError"/>: whether hetida's code also catches ValueError.</summary>
    public static Column NumericOrDatetime(Column index, bool catchValueError)
    {
        if (PandasIndex.IsNumeric(index))
        {
            return index;
        }
        try
        {
            return PandasIndex.ToDatetime(index);
        }
        catch (PyException e) when (PyErrors.IsInstance(e, "TypeError") || (catchValueError && PyErrors.IsInstance(e, "ValueError")))
        {
            throw PyException.TypeError("indices of data must be numeric or datetime");
        }
    }

    public static Series Sorted(Series series, bool catchValueError) =>
        new Series(NumericOrDatetime(series.Index, catchValueError), series.Values, series.Name, series.CloneAttrs()).SortIndex();

    /// <summary>
    /// The shared start of "Derivate" and "Integrate": at least two points, NaN dropped, sorted by index, and the
    /// index steps (seconds for datetime indexes).
    /// </summary>
    public static (Series Sorted, Column IndexSteps) SortedWithSteps(object? data)
    {
        var series = PandasArgs.AsSeries(data, "size");
        if (series.Length < 2)
        {
            throw PyException.ValueError("size of data must be at least 2");
        }
        var sorted = Sorted(series.DropNa(), catchValueError: true);
        return (sorted, Differences(Positions(sorted.Index)));
    }

    /// <summary>The x coordinates: the numeric index itself, or seconds since the first timestamp.</summary>
    public static Column Positions(Column sortedIndex) =>
        sortedIndex is DateTimeColumn d ? new Float64Column(PandasIndex.SecondsSinceFirst(d)) : sortedIndex;

    /// <summary><c>np.ediff1d</c>: each entry minus its predecessor, one shorter (numpy dtype rules).</summary>
    public static Column Differences(Column column) =>
        ElementWise.Binary(BinaryOp.Subtract, Operand.Of(Later(column)), Operand.Of(Earlier(column)), pandas: false);

    /// <summary><c>y[1:] + y[:-1]</c>.</summary>
    public static Column AdjacentSums(Column column) =>
        ElementWise.Binary(BinaryOp.Add, Operand.Of(Later(column)), Operand.Of(Earlier(column)), pandas: false);

    /// <summary><c>column[1:]</c>.</summary>
    public static Column Later(Column column) => column.Take(Range(1, column.Length));

    private static Column Earlier(Column column) => column.Take(Range(0, column.Length - 1));

    private static int[] Range(int from, int to) => to <= from ? [] : [.. Enumerable.Range(from, to - from)];
}
