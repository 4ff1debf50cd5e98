using System.Text.Json.Nodes;
using Runwire.Core.Components.Visualization;
using Runwire.Core.Data;
using static Runwire.Core.Tests.Components.Visualization.Build;

namespace Runwire.Core.Tests.Components.Visualization;

/// <summary>Timeseries Substitution Plot and the two .py-only components, Display Table and Plot Time Series and Value Intervals.</summary>
public sealed class TableAndIntervalPlotTests
{
    private static readonly string[] IntervalStamps =
        ["2020-01-01T01:15:27Z", "2020-01-01T16:20:00Z", "2020-01-02T08:20:00Z", "2020-01-02T16:20:00Z", "2020-01-03T08:20:04Z"];

    private static readonly double[] IntervalValues = [42.0, 16.1, 27.0, 2.6, 25.9];

    [Fact]
    public void TimeseriesSubstitutionPlot_ReplaceIgnoreAdd_SplitsIntoFourTraces()
    {
        var raw = Series(["2020-01-03T00:00:00Z", "2020-01-01T00:00:00Z", "2020-01-02T00:00:00Z", "2020-01-02T00:00:00Z", "2020-01-04T00:00:00Z"],
            [3.0, 1.0, 2.0, 99.0, 4.0], "raw");
        var substitutions = Series(["2020-01-02T00:00:00Z", "2020-01-04T00:00:00Z", "2020-01-05T00:00:00Z", "2020-01-01T00:00:00Z"],
            [20.0, NaN, 5.0, 10.0]);

        ExpectedOutputs.AssertOutputs(new TimeseriesSubstitutionPlot(), "substitution", Args(("raw_values", raw), ("substitution_series", substitutions)));
    }

    [Fact]
    public void TimeseriesSubstitutionPlot_NoSubstitutions_DrawsRawSeriesAndEmptyTraces()
    {
        var raw = Series(["2020-01-01T00:00:00Z", "2020-01-02T00:00:00Z"], [1.0, 2.0]);

        ExpectedOutputs.AssertOutputs(new TimeseriesSubstitutionPlot(), "substitution-unnamed-empty",
            Args(("raw_values", raw), ("substitution_series", Series([], []))));
    }

    [Theory]
    [InlineData("table-test-wiring", true)]
    [InlineData("table-no-auto-width", false)]
    public void DisplayTable_TestWiringFrame_ShowsColumnsWithGuessedWidths(string caseName, bool autoWidth)
    {
        var frame = new DataFrame(Utc("2019-08-01T15:45:36Z", "2019-08-02T11:33:41Z"), ["very very very looooooong column name", "column2", "c"],
        [
            new Int64Column([1, 2]),
            new Float64Column([1.3, 2.8]),
            new ObjectColumn(["0", "The green fox jumps over some fence anr runs to the garden. What happens next?"]),
        ]);

        ExpectedOutputs.AssertOutputs(new DisplayTable(), caseName, Args(("data", frame), ("auto_col_width", autoWidth)));
    }

    [Fact]
    public void DisplayTable_BoolDatetimeTextAndNaN_UsesDtypeWidths()
    {
        var frame = new DataFrame(Column.Range(2), ["flag", "when", "mixed", "x"],
            [new BoolColumn([true, false]), Utc("2020-01-01T00:00:00Z", "2020-01-02T12:30:00Z"), new ObjectColumn(["ab", null]), new Float64Column([NaN, 2.5])]);

        ExpectedOutputs.AssertOutputs(new DisplayTable(), "table-more-kinds", Args(("data", frame), ("auto_col_width", true)));
    }

    [Fact]
    public void TimeSeriesValueIntervalsPlot_DocumentedExample_DrawsRectanglesAndLabelledLines() =>
        ExpectedOutputs.AssertOutputs(new TimeSeriesValueIntervalsPlot(), "intervals-example", IntervalArgs(Series(IntervalStamps, IntervalValues),
            JsonNode.Parse("""
                {"[10,20]": {"min_value": 10.0, "max_value": 20.0, "min_value_inclusive": true, "max_value_inclusive": true, "display_name": "Intv. 1"},
                 "(20,30)": {"min_value": 20.0, "max_value": 30.0, "min_value_inclusive": false, "max_value_inclusive": false,
                             "line_color": "rgb(40,20,250)", "fill_color": "rgba(40,20,250,0.15)"}}
                """), "rgb(40, 251, 0)", "rgba(40, 251, 0, 0.15)"));

    [Fact]
    public void TimeSeriesValueIntervalsPlot_IntSeriesWithFillColorOnly_UsesFillColorForLines() =>
        ExpectedOutputs.AssertOutputs(new TimeSeriesValueIntervalsPlot(), "intervals-named-int", IntervalArgs(
            Ints(["2020-01-01T00:00:00Z", "2020-01-01T06:00:00Z", "2020-01-02T00:00:00Z"], [5, 1, 3], "level"),
            JsonNode.Parse("""{"low": {"min_value": 0, "max_value": 2, "fill_color": "blue"}}"""), "black", "grey"));

    [Fact]
    public void TimeSeriesValueIntervalsPlot_TwoYearSpan_PlacesLabelLinesToTheNanosecond() =>
        ExpectedOutputs.AssertOutputs(new TimeSeriesValueIntervalsPlot(), "intervals-long-span", IntervalArgs(
            Series(["2019-03-01T00:00:00.123456Z", "2021-07-13T17:45:31.987654Z"], [1.0, 2.0]),
            JsonNode.Parse("""{"a": {"min_value": 0, "max_value": 1}, "b": {"min_value": 1, "max_value": 2}, "c": {"min_value": 2, "max_value": 3, "display_name": ""}}"""),
            "red", "pink"));

    [Fact]
    public void TimeSeriesValueIntervalsPlot_TextSeries_RaisesInputValidationException() =>
        ExpectedOutputs.AssertError(new TimeSeriesValueIntervalsPlot(), "intervals-bad-dtype", IntervalArgs(
            new Series(Utc("2020-01-01T00:00:00Z"), new ObjectColumn(["a"])), new JsonObject(), "rgb(40, 251, 0)", "rgba(40, 251, 0, 0.15)"));

    [Fact]
    public void TimeSeriesValueIntervalsPlot_InvalidIntervals_ListsPydanticErrorsPerInterval() =>
        ExpectedOutputs.AssertError(new TimeSeriesValueIntervalsPlot(), "intervals-invalid", IntervalArgs(Series(IntervalStamps, IntervalValues, "level"),
            JsonNode.Parse("""
                {"ok": {"min_value": 1, "max_value": "2.5", "min_value_inclusive": "yes", "display_name": 7},
                 "reversed": {"min_value": 3.0, "max_value": 2.0},
                 "empty-open": {"min_value": 2.0, "max_value": 2.0, "max_value_inclusive": false},
                 "broken": {"max_value": "high", "min_value_inclusive": "maybe", "line_color": [1]}}
                """), "rgb(40, 251, 0)", "rgba(40, 251, 0, 0.15)"));

    private static Dictionary<string, object?> IntervalArgs(Series series, JsonNode? intervals, string line, string fill) =>
        Args(("series", series), ("value_interval_dict", intervals), ("line_color", line), ("fill_color", fill));
}
