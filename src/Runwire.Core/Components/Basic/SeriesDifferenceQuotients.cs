using Runwire.Core.Components.Python;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Basic;

/// <summary>
/// hetida "Series Difference Quotients" (a .py component): <c>series.diff() / index.diff()</c> in input order, with
/// datetime steps in seconds; NaN results (the first row, 0/0) are dropped unless <c>dropna</c> is false.
/// </summary>
public sealed class SeriesDifferenceQuotients : IComponent
{
    public Guid Id { get; } = new("3de190af-3103-4462-b5ba-2f431494abe8");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var series = PandasArgs.AsSeries(inputs["series"], "index");
        var steps = series.Index is DateTimeColumn d ? Seconds(d) : PandasDiff.Diff(series.Index);
        var quotients = ElementWise.Binary(BinaryOp.TrueDivide, Operand.Of(PandasDiff.Diff(series.Values)), Operand.Of(steps), pandas: true);
        // the index Series is unnamed, so the quotient's name is always None
        var result = new Series(series.Index, quotients, null, series.CloneAttrs());
        return new Dictionary<string, object?>
        {
            ["difference_quotients"] = PyTruth.IsTrue(inputs.GetOrDefault("dropna", true)) ? result.DropNa() : result,
        };
    }

    private static Float64Column Seconds(DateTimeColumn index)
    {
        var t = index.Ticks;
        return new Float64Column([.. t.Select((x, i) =>
            i == 0 || x == DateTimeColumn.NaT || t[i - 1] == DateTimeColumn.NaT ? double.NaN : PandasIndex.TotalSeconds(x - t[i - 1]))]);
    }
}
