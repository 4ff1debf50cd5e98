using Runwire.Core.Components.Visualization;
using static Runwire.Core.Tests.Components.Visualization.Build;

namespace Runwire.Core.Tests.Components.Visualization;

/// <summary>The line plots of single series: Single Timeseries Plot, Compare Two Timeseries Plot, RUL result plot.</summary>
public sealed class TimeseriesLinePlotTests
{
    // Volatility Detection fixture (spec §5.3): the volatilities as Simple Volatility Score stamps them ("center", 180min)
    internal static readonly string[] VolatilityStamps =
    [
        "2018-05-19T22:20:00Z", "2018-05-19T22:25:00Z", "2018-05-19T22:30:00Z", "2018-05-19T22:35:00Z", "2018-05-19T22:40:00Z",
        "2018-05-22T05:50:00Z", "2018-05-22T05:55:00Z", "2018-05-22T06:00:00Z", "2018-05-22T06:05:00Z", "2018-05-22T06:10:00Z",
    ];

    [Fact]
    public void SingleTimeseriesPlot_VolatilityFixture_EqualsHetidaKafkaFixture()
    {
        var shifted = VolatilityStamps.Select(s => DateTime.Parse(s, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime().AddMinutes(-90).ToString("O")).ToArray();
        var volatilities = Series(shifted, [NaN, 0.0, 16.56128491139998, 16.56128491139998, 35.388887386599976, 0.0, 0.0,
            52.63498194919998, 52.63498194919998, 52.63498194919998], "volatilities");

        ExpectedOutputs.AssertOutputs(new SingleTimeseriesPlot(), "single-volatility-fixture", Args(("series", volatilities)));
    }

    [Fact]
    public void SingleTimeseriesPlot_UnsortedUnnamedInts_SortsAndTitlesValues()
    {
        var series = Ints(["2020-01-03T00:00:00Z", "2020-01-01T00:00:00Z", "2020-01-02T00:00:00.250Z"], [3, 1, 2]);

        ExpectedOutputs.AssertOutputs(new SingleTimeseriesPlot(), "single-unsorted-unnamed", Args(("series", series)));
    }

    [Fact]
    public void CompareTwoTimeseriesPlot_UnnamedAndNamed_UsesFallbackAndSeriesName()
    {
        var first = Series(["2020-01-02T00:00:00Z", "2020-01-01T00:00:00Z"], [2.0, NaN]);
        var second = Ints(["2020-01-01T12:00:00Z"], [1], "second");

        ExpectedOutputs.AssertOutputs(new CompareTwoTimeseriesPlot(), "compare-two", Args(("series_1", first), ("series_2", second)));
    }

    [Fact]
    public void RulRegressionResultPlot_SmallCase_DrawsViolationAndLimitLines()
    {
        var args = Args(
            ("limit_violation_prediction_timestamp", "2020-01-06T00:00:00+00:00"),
            ("limit", 5.0),
            ("base_series", Series(["2020-01-02T00:00:00Z", "2020-01-01T00:00:00Z", "2020-01-03T00:00:00Z"], [9.0, 10.0, 8.0])),
            ("predictions", Series(["2020-01-01T00:00:00Z", "2020-01-02T00:00:00Z", "2020-01-03T00:00:00Z", "2020-01-04T00:00:00Z"],
                [10.0, 9.0, 8.0, 7.0])));

        ExpectedOutputs.AssertOutputs(new RulRegressionResultPlot(), "rul-small", args);
    }

    [Fact]
    public void RulRegressionResultPlot_NoViolationTimestamp_DrawsOnlyLimitLine()
    {
        var args = Args(
            ("limit_violation_prediction_timestamp", null),
            ("limit", 1.0),
            ("base_series", Series(["2020-01-01T00:00:00Z", "2020-01-01T01:00:00Z"], [2.0, 2.0], "base")),
            ("predictions", Series(["2020-01-01T00:00:00Z"], [2.0], "pred")));

        ExpectedOutputs.AssertOutputs(new RulRegressionResultPlot(), "rul-no-timestamp", args);
    }
}
