using System.Text.Json.Nodes;
using Runwire.Core.Components;
using Runwire.Core.Components.Connectors;
using Runwire.Core.Data;

namespace Runwire.Core.Tests.Components.Connectors;

/// <summary>The connector behaviour the golden cases comp-name-series-int-index and fail-combine-named-columns-test-wiring pin down.</summary>
public sealed class GoldenCaseTests
{
    [Fact]
    public void NameSeries_RangeIndexSeries_KeepsDataAndSetsName()
    {
        var input = Series.FromValues(new Float64Column([4.0, 5.5, 6.0]));

        var output = (Series)new NameSeries().Run(new ComponentInputs(new Dictionary<string, object?>
        {
            ["input"] = input,
            ["name"] = "speed",
        }))["output"]!;

        Assert.Equal("speed", output.Name);
        Assert.Equal([0L, 1L, 2L], ((Int64Column)output.Index).Values);
        Assert.Equal([4.0, 5.5, 6.0], ((Float64Column)output.Values).Values);
        Assert.Null(input.Name);
    }

    [Fact]
    public void CombineAsNamedColumn_DictInsteadOfSeries_RaisesHetidaTypeError()
    {
        var series = Series.FromValues(new Float64Column([1.0]));

        var ex = Assert.Throws<PyException>(() => new CombineAsNamedColumn().Run(new ComponentInputs(new Dictionary<string, object?>
        {
            ["series"] = series,
            ["series_or_dataframe"] = new JsonObject { ["2020-01-01T00:00:00Z"] = 1.0 },
            ["column_name"] = "a",
        })));

        Assert.Equal("TypeError", ex.TypeName);
        Assert.Equal("series_or_dataframe must be a pandas Series or pandas DataFrame.", ex.Message);
    }
}
