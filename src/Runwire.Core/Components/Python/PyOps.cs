using System.Text.Json.Nodes;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Python;

/// <summary>
/// Python operator semantics over Runwire's value model, for components whose hetida code is an expression such as
/// <c>a + b</c>, <c>left &gt;= right</c>, <c>round(data, decimals)</c> or <c>np.sin(data)</c>.
/// <list type="bullet">
/// <item>Scalars follow Python: <c>long</c> is int (exact; a result beyond 64 bits raises OverflowError instead of
/// growing), <c>double</c> is float, <c>bool</c> counts as int; <c>1 / 0</c> raises ZeroDivisionError; <c>%</c> and
/// <c>//</c> floor; str and list support + and * like Python.</item>
/// <item>Series and DataFrames follow pandas 1.5.3: operands are aligned on their labels (outer join), element-wise
/// arithmetic follows numpy (float division by zero gives inf/NaN, int64 wraps), missing values propagate.</item>
/// <item>numpy arrays (<c>double[]</c>, <c>object?[]</c>) follow numpy, with broadcasting of scalars and length-1 arrays.</item>
/// </list>
/// Errors are <see cref="PyException"/>s with the class name and message Python would produce; constructs outside the
/// value model (complex numbers, Timedelta results, printf formatting) raise <c>NotSupportedError</c>.
/// </summary>
public static class PyOps
{
    /// <summary>Python's <c>left op right</c>.</summary>
    public static object? Binary(BinaryOp op, object? left, object? right) =>
        PandasArithmetic.Apply(op, PyValue.Normalize(left), PyValue.Normalize(right), numpyScalars: false);

    /// <summary>
    /// <c>left op right</c> where number operands are numpy scalars (results of numpy functions such as <c>np.log</c>):
    /// like <see cref="Binary"/>, except that numbers combine with numpy's rules (no ZeroDivisionError, int64 wraps).
    /// </summary>
    public static object? NumpyBinary(BinaryOp op, object? left, object? right) =>
        PandasArithmetic.Apply(op, PyValue.Normalize(left), PyValue.Normalize(right), numpyScalars: true);

    /// <summary>
    /// Python's <c>left op right</c> comparison: a bool for scalars, a bool Series/DataFrame/array element-wise.
    /// Series (DataFrames) must have equal indexes (and columns), else ValueError as in pandas.
    /// </summary>
    public static object? Compare(CompareOp op, object? left, object? right) =>
        PandasComparison.Operator(op, PyValue.Normalize(left), PyValue.Normalize(right));

    /// <summary>
    /// pandas' flex comparison <c>left.eq(right)</c> (<c>.ne</c>, <c>.lt</c>, ...): aligns on the labels first; pairs with a
    /// missing side compare False (True for <c>ne</c>). AttributeError when <paramref name="left"/> is no Series/DataFrame.
    /// </summary>
    public static object? CompareFlex(CompareOp op, object? left, object? right) =>
        PandasComparison.Flex(op, PyValue.Normalize(left), PyValue.Normalize(right));

    /// <summary>Python's <c>abs(value)</c> (numpy's <c>np.abs</c> for Series, DataFrames and arrays).</summary>
    public static object? Abs(object? value) => PyValue.Normalize(value) switch
    {
        Series s => s.WithValues(AbsKernels.OfColumn(s.Values)),
        DataFrame f => MapColumns(f, AbsKernels.OfColumn),
        var a when PyValue.IsArray(a) => NumpyArrays.ToArray(AbsKernels.OfColumn(NumpyArrays.ToColumn(a))),
        var other => AbsKernels.OfScalar(other),
    };

    /// <summary>
    /// Python's <c>round(value, ndigits)</c>: correctly rounded for floats, ints stay ints, <c>ndigits</c> None rounds
    /// to an int. Series use numpy's rounding; DataFrames round only their int and float columns, like pandas.
    /// </summary>
    public static object? Round(object? value, object? ndigits)
    {
        ndigits = PyValue.Normalize(ndigits);
        return PyValue.Normalize(value) switch
        {
            Series s => s.WithValues(RoundKernels.Apply(s.Values, PyRound.Digits(ndigits))),
            DataFrame f => MapColumns(f, c => c is Float64Column or Int64Column ? RoundKernels.Apply(c, PyRound.Digits(ndigits)) : c),
            var other => other is JsonArray or double[] or object?[] ? throw PyRound.NoRound(other) : PyRound.Round(other, ndigits),
        };
    }

    /// <summary>A numpy unary function: float64 results (Sign keeps ints), element-wise on Series, DataFrames, arrays and lists.</summary>
    public static object? Apply(UFunc f, object? value) => PyValue.Normalize(value) switch
    {
        Series s => s.WithValues(UFuncKernels.Apply(f, s.Values)),
        DataFrame d => MapColumns(d, c => UFuncKernels.Apply(f, c)),
        // np.asarray turns a list with a str (and no None) into a str array, which fails like a str scalar.
        JsonArray list when list.Any(n => PyValue.FromJson(n) is string) && !list.Any(n => n is null) =>
            UFuncKernels.Apply(f, list.First(n => PyValue.FromJson(n) is string)!.GetValue<string>()),
        var a when NumpyArrays.IsArrayLike(a) => NumpyArrays.ToArray(UFuncKernels.Apply(f, NumpyArrays.ToColumn(a))),
        var other => UFuncKernels.Apply(f, other),
    };

    private static DataFrame MapColumns(DataFrame frame, Func<Column, Column> map) =>
        new(frame.Index, frame.ColumnNames, [.. frame.Columns.Select(map)], frame.CloneAttrs());
}
