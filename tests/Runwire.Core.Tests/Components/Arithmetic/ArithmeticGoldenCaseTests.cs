using Runwire.Core.Components;
using Runwire.Core.Components.Arithmetic;
using Runwire.Core.Data;

namespace Runwire.Core.Tests.Components.Arithmetic;

/// <summary>The hetida golden cases of this category, with their inputs built as the codecs parse them.</summary>
public sealed class ArithmeticGoldenCaseTests
{
    private static long Ticks(string iso) => DateTime.Parse(iso, null, System.Globalization.DateTimeStyles.AdjustToUniversal).Ticks;

    private static ComponentInputs Inputs(params (string Name, object? Value)[] values) =>
        new(values.ToDictionary(v => v.Name, v => v.Value));

    [Fact]
    public void Modulo_CompModuloNegative_GivesIntTwo()
    {
        var outputs = new Modulo().Run(Inputs(("a", -7L), ("b", 3L)));

        Assert.Equal(2L, outputs["modulo"]);
    }

    [Fact]
    public void Integrate_CompIntegrateUnsorted_SortsDropsNaNAndGivesTen()
    {
        var index = new DateTimeColumn(
            [Ticks("2020-01-01T00:00:10Z"), Ticks("2020-01-01T00:00:00Z"), Ticks("2020-01-01T00:00:05Z"), Ticks("2020-01-01T00:00:20Z")], isUtc: true);
        var data = new Series(index, new Float64Column([2.0, 0.0, 1.0, double.NaN]));

        var outputs = new Integrate().Run(Inputs(("data", data)));

        Assert.Equal(10.0, outputs["integral"]);
    }

    [Fact]
    public void SumUpSeries_CompSumUpSeriesNan_SkipsNaN()
    {
        var index = new DateTimeColumn(
            [Ticks("2020-01-01T02:00:00Z"), Ticks("2020-01-01T00:00:00Z"), Ticks("2020-01-01T01:00:00Z"), Ticks("2020-01-01T03:00:00Z")], isUtc: true);
        var data = new Series(index, new Float64Column([3.5, 1.0, double.NaN, 4.25]));

        var outputs = new SumUpSeries().Run(Inputs(("data", data)));

        Assert.Equal(8.75, outputs["sum"]);
    }

    [Fact]
    public void SumColumns_CompSumColumnsDataframeNan_GivesRowSumsNamedTotal()
    {
        var index = new DateTimeColumn([Ticks("2020-01-01T00:00:00Z"), Ticks("2020-01-01T01:00:00Z")], isUtc: true);
        var frame = new DataFrame(index, ["a", "b"], [new Float64Column([1.0, double.NaN]), new Float64Column([10.5, 2.0])]);

        var sums = Assert.IsType<Series>(new SumColumns().Run(Inputs(("dataframe", frame), ("result_series_name", "total")))["sum_values"]);

        Assert.Equal("total", sums.Name);
        Assert.Same(index, sums.Index);
        Assert.Equal([11.5, 2.0], ((Float64Column)sums.Values).Values);
        Assert.Empty(sums.Attrs);
    }
}
