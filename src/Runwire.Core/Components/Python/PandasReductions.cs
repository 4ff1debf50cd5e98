using Runwire.Core.Data;

namespace Runwire.Core.Components.Python;

/// <summary>pandas' <c>sum</c> and <c>cumsum</c> with skipna (missing values count as 0 and stay missing in cumsum).</summary>
internal static class PandasReductions
{
    /// <summary><c>Series.sum()</c>: float64 pairwise like numpy, int64/bool as int, object values with Python's +.</summary>
    public static object? Sum(Column values) => values switch
    {
        Float64Column f => (object)NumpySum.Sum([.. f.Values.Select(x => double.IsNaN(x) ? 0.0 : x)]),
        Int64Column or BoolColumn => (object)IntKernels.ToLongs(values).Aggregate(0L, (a, b) => unchecked(a + b)),
        DateTimeColumn d => throw PyException.TypeError($"'DatetimeArray' with dtype {PyErrors.Dtype(d)} does not support reduction 'sum'"),
        _ => ObjectSum(Enumerable.Range(0, values.Length).Select(values.GetValue)),
    };

    /// <summary>
    /// <c>DataFrame.sum(axis=1)</c> with pandas 1.5.3's <c>numeric_only=None</c>: all columns if their row sums work,
    /// else only the numeric columns (a frame without any sums to 0.0).
    /// </summary>
    public static Column RowSums(DataFrame frame)
    {
        var columns = frame.Columns;
        // numpy interleaves int/float columns as float64, but bool next to numbers as object (summed with Python's +).
        var bools = columns.Count(c => c is BoolColumn);
        if (columns.Count > 0 && columns.All(IsNumeric) && (bools == 0 || bools == columns.Count))
        {
            return NumericRowSums(frame.RowCount, columns);
        }
        if (columns.Count > 0 && !columns.Any(c => c is DateTimeColumn))
        {
            try
            {
                var sums = new object?[frame.RowCount];
                for (var i = 0; i < sums.Length; i++)
                {
                    sums[i] = ObjectSum(columns.Select(c => c.GetValue(i)));
                }
                return AsFloatIfPossible(sums);
            }
            catch (PyException e) when (e.TypeName == "TypeError")
            {
                // pandas retries with the numeric columns only (and warns).
            }
        }
        return NumericRowSums(frame.RowCount, [.. columns.Where(IsNumeric)]);
    }

    /// <summary><c>cumsum()</c>: running sums that skip missing values and keep them missing.</summary>
    public static Column CumSum(Column values)
    {
        switch (values)
        {
            case Float64Column f:
                var acc = 0.0;
                return new Float64Column([.. f.Values.Select(x => double.IsNaN(x) ? x : acc += x)]);
            case Int64Column or BoolColumn:
                var total = 0L;
                return new Int64Column([.. IntKernels.ToLongs(values).Select(x => total = unchecked(total + x))]);
            case DateTimeColumn:
                throw PyErrors.NotSupported("cumsum of datetime values");
            default:
                // pandas fills missing values with 0.0 for the running sum and puts NaN back afterwards.
                var result = new object?[values.Length];
                object? running = null;
                for (var i = 0; i < result.Length; i++)
                {
                    var v = values.IsMissing(i) ? 0.0 : values.GetValue(i);
                    running = i == 0 ? v : PyScalar.Binary(BinaryOp.Add, running, v);
                    result[i] = values.IsMissing(i) ? double.NaN : running;
                }
                return new ObjectColumn(result);
        }
    }

    private static bool IsNumeric(Column c) => c.Kind is ColumnKind.Float64 or ColumnKind.Int64 or ColumnKind.Bool;

    private static Column NumericRowSums(int rows, IReadOnlyList<Column> columns)
    {
        if (columns.Count == 0 || columns.Any(c => c is Float64Column))
        {
            var doubles = columns.Select(c => c.ToDoubles()).ToList();
            var sums = new double[rows];
            for (var i = 0; i < rows; i++)
            {
                foreach (var d in doubles)
                {
                    sums[i] += double.IsNaN(d[i]) ? 0.0 : d[i];
                }
            }
            return new Float64Column(sums);
        }
        var longs = columns.Select(IntKernels.ToLongs).ToList();
        return new Int64Column([.. Enumerable.Range(0, rows).Select(i => longs.Aggregate(0L, (a, l) => unchecked(a + l[i])))]);
    }

    // pandas' reduction tries result.astype(np.float64) on object results and keeps them when that fails.
    private static Column AsFloatIfPossible(object?[] sums)
    {
        var doubles = new double[sums.Length];
        for (var i = 0; i < sums.Length; i++)
        {
            switch (sums[i])
            {
                case long or double or bool:
                    doubles[i] = PyValue.ToDouble(sums[i]);
                    break;
                case string s when double.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var parsed):
                    doubles[i] = parsed;
                    break;
                default:
                    return new ObjectColumn(sums);
            }
        }
        return new Float64Column(doubles);
    }

    // numpy's object add.reduce starts from the first element; pandas has replaced missing values by 0 before.
    private static object? ObjectSum(IEnumerable<object?> values)
    {
        object? acc = null;
        var first = true;
        foreach (var raw in values)
        {
            var v = PyValue.IsNa(raw) ? 0L : raw;
            acc = first ? v : PyScalar.Binary(BinaryOp.Add, acc, v);
            first = false;
        }
        return first ? 0L : acc;
    }
}
