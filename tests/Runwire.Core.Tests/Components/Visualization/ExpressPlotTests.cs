using Runwire.Core.Components.Visualization;
using Runwire.Core.Data;
using static Runwire.Core.Tests.Components.Visualization.Build;

namespace Runwire.Core.Tests.Components.Visualization;

/// <summary>The plotly express plots: bar, pie and interval box plots (template not compared, see ExpectedOutputs).</summary>
public sealed class ExpressPlotTests
{
    [Fact]
    public void VerticalBarPlot_StringIndex_BarsInInputOrder()
    {
        var series = new Series(new ObjectColumn(["b", "a", "c"]), new Float64Column([3.0, 1.5, 2.0]), "count");

        ExpectedOutputs.AssertOutputs(new VerticalBarPlot(), "bar", Args(("series", series)));
    }

    [Fact]
    public void PieChartPlot_RepeatedGroups_OneEntryPerRow()
    {
        var frame = new DataFrame(Column.Range(4), ["group", "amount"],
            [new ObjectColumn(["x", "y", "x", "z"]), new Float64Column([1.0, 2.5, 3.0, 4])]);

        ExpectedOutputs.AssertOutputs(new PieChartPlot(), "pie", Args(("dataframe", frame), ("value_column", "amount"), ("group_column", "group")));
    }

    [Fact]
    public void PieChartPlot_UnknownValueColumn_RaisesPlotlyExpressValueError()
    {
        var frame = new DataFrame(Column.Range(1), ["group", "amount"], [new ObjectColumn(["x"]), new Float64Column([1.0])]);

        ExpectedOutputs.AssertError(new PieChartPlot(), "pie-missing-column", Args(("dataframe", frame), ("value_column", "nope"), ("group_column", "group")));
    }

    [Theory]
    [InlineData("boxes-day")]
    [InlineData("boxes-week-unnamed")]
    [InlineData("boxes-month")]
    [InlineData("boxes-year")]
    public void TimeseriesIntervalBoxplots_Interval_GroupsByCalendarLabel(string caseName)
    {
        var args = caseName switch
        {
            "boxes-day" => Args(("series", Series(["2020-01-02T05:00:00Z", "2020-01-01T01:00:00Z", "2020-01-01T23:00:00Z", "2020-01-02T00:00:00Z"],
                [4.0, 1.0, 2.0, 3.0], "temp")), ("interval", "D")),
            "boxes-week-unnamed" => Args(("series", Series(["2020-12-31T00:00:00Z", "2021-01-04T00:00:00Z", "2021-01-01T00:00:00Z"],
                [1.0, 2.0, 3.0])), ("interval", "week")),
            "boxes-month" => Args(("series", Series(["2020-01-31T00:00:00Z", "2020-02-01T00:00:00Z"], [1.0, 2.0], "v")), ("interval", "Month")),
            _ => Args(("series", Series(["2020-01-31T00:00:00Z", "2021-02-01T00:00:00Z"], [1.0, 2.0], "v")), ("interval", "y")),
        };

        ExpectedOutputs.AssertOutputs(new TimeseriesIntervalBoxplots(), caseName, args);
    }

    [Fact]
    public void TimeseriesIntervalBoxplots_UnknownInterval_RaisesValueError() =>
        ExpectedOutputs.AssertError(new TimeseriesIntervalBoxplots(), "boxes-unknown",
            Args(("series", Series(["2020-01-31T00:00:00Z"], [1.0])), ("interval", "hour")));
}
