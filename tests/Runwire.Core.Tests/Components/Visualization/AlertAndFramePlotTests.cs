using Runwire.Core.Components.Visualization;
using Runwire.Core.Data;
using static Runwire.Core.Tests.Components.Visualization.Build;

namespace Runwire.Core.Tests.Components.Visualization;

/// <summary>Timeseries and Alerts Plot, Timeseries DataFrame Plot and Band Filter Plot.</summary>
public sealed class AlertAndFramePlotTests
{
    private static readonly string[] Hours =
        ["2020-01-01T00:00:00Z", "2020-01-01T01:00:00Z", "2020-01-01T02:00:00Z", "2020-01-01T03:00:00Z", "2020-01-01T04:00:00Z", "2020-01-01T05:00:00Z"];

    [Fact]
    public void TimeseriesAndAlertsPlot_VolatilityFixtureWithoutAlerts_EqualsHetidaKafkaFixture()
    {
        var input = Series(TimeseriesLinePlotTests.VolatilityStamps, [86.9358994238, 78.6552569681, 93.515633185, 96.3497006614,
            83.1926874657, 926.4357356548, 934.7257131637, 908.4082221891, 917.7112901544, 924.0958121497]);
        var alerts = Series(TimeseriesLinePlotTests.VolatilityStamps, new double[10], "alerts");

        ExpectedOutputs.AssertOutputs(new TimeseriesAndAlertsPlot(), "alerts-volatility-fixture", Args(("series", input), ("alert_series", alerts)));
    }

    [Fact]
    public void TimeseriesAndAlertsPlot_AlertsOpenAtBothEnds_ClosesThemAtSeriesBounds()
    {
        var series = Series(Hours, [1.0, 5.0, 2.0, NaN, 8.0, 3.0], "temp");
        var alerts = Series(["2020-01-01T03:00:00Z", "2020-01-01T01:00:00Z", "2020-01-01T04:00:00Z"], [1.0, -1.0, 0.0]);

        ExpectedOutputs.AssertOutputs(new TimeseriesAndAlertsPlot(), "alerts-open-ends", Args(("series", series), ("alert_series", alerts)));
    }

    [Fact]
    public void TimeseriesAndAlertsPlot_EndBeforeAnyValue_RaisesValueError()
    {
        var args = Args(("series", Series(["2020-01-01T01:00:00Z", "2020-01-01T02:00:00Z"], [1.0, 2.0])),
            ("alert_series", Series(["2020-01-01T01:00:00Z"], [-1.0])));

        ExpectedOutputs.AssertError(new TimeseriesAndAlertsPlot(), "alerts-no-start", args);
    }

    [Fact]
    public void TimeseriesDataFramePlot_PlainFrame_DrawsOneSortedLinePerColumn()
    {
        var frame = new DataFrame(Utc("2020-01-02T00:00:00Z", "2020-01-01T00:00:00Z", "2020-01-03T00:00:00Z"), ["a", "b"],
            [new Float64Column([2.0, 1.0, NaN]), new Int64Column([20, 10, 30])]);

        ExpectedOutputs.AssertOutputs(new TimeseriesDataFramePlot(), "frame-columns", Args(("dataframe", frame)));
    }

    [Fact]
    public void TimeseriesDataFramePlot_MultiTsFrame_DrawsOneNaiveTimeLinePerRow()
    {
        var frame = new DataFrame(Column.Range(4), ["timestamp", "metric", "value"],
        [
            Utc("2020-01-01T02:00:00Z", "2020-01-01T00:00:00Z", "2020-01-01T01:00:00Z", "2020-01-01T00:00:00Z"),
            new ObjectColumn(["a", "a", "b", "a"]),
            new Float64Column([3.0, 1.0, 10.0, 2.0]),
        ]);

        ExpectedOutputs.AssertOutputs(new TimeseriesDataFramePlot(), "frame-multits", Args(("dataframe", frame)));
    }

    [Fact]
    public void BandFilterPlot_MaskedFrame_SplitsOutliersAndDrawsBand()
    {
        var frame = new DataFrame(
            Utc("2022-01-01T00:00:00Z", "2022-01-01T00:20:48Z", "2022-01-01T00:41:37Z", "2022-01-01T01:02:26Z", "2022-01-01T01:23:15Z", "2022-01-01T01:44:04Z"),
            ["values", "band_center", "rolling_deviation", "filter_mask"],
            [
                new Float64Column([1.058, 0.699, 2.1, 1.054, 0.763, 1.034]),
                new Float64Column([NaN, NaN, 0.9995, 1.034, 1.011, 0.988]),
                new Float64Column([NaN, NaN, 0.511497, 0.511497, 0.5159448, 0.7072002]),
                new BoolColumn([true, true, false, true, false, true]),
            ]);

        ExpectedOutputs.AssertOutputs(new BandFilterPlot(), "band-filter", Args(("band_filter_dataframe", frame)));
    }
}
