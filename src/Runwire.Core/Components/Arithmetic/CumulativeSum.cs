using Runwire.Core.Components.Python;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Arithmetic;

/// <summary>hetida "Cumulative sum": <c>data.sort_index().cumsum()</c> for a Series or DataFrame with a numeric or datetime index.</summary>
public sealed class CumulativeSum : IComponent
{
    public Guid Id { get; } = new("d2cc4c0d-303e-b0ad-fdba-73392e890b30");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        object result = PandasArgs.AsPandas(inputs["data"], "index") switch
        {
            Series s => CumSum(s),
            var frame => CumSum((DataFrame)frame),
        };
        return new Dictionary<string, object?> { ["cum_sum"] = result };
    }

    private static Series CumSum(Series series)
    {
        var sorted = TimeSeriesIndex.Sorted(series, catchValueError: true);
        return sorted.WithValues(PandasReductions.CumSum(sorted.Values));
    }

    private static DataFrame CumSum(DataFrame frame)
    {
        var index = TimeSeriesIndex.NumericOrDatetime(frame.Index, catchValueError: true);
        var sorted = new DataFrame(index, frame.ColumnNames, frame.Columns, frame.CloneAttrs()).SortIndex();
        return new DataFrame(sorted.Index, sorted.ColumnNames, [.. sorted.Columns.Select(PandasReductions.CumSum)], sorted.CloneAttrs());
    }
}
