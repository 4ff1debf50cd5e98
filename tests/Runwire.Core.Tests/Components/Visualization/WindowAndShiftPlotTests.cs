using Runwire.Core.Components.Visualization;
using Runwire.Core.Data;
using static Runwire.Core.Tests.Components.Visualization.Build;

namespace Runwire.Core.Tests.Components.Visualization;

/// <summary>Moving Window Aggregated Timeseries Plot and Compare Timeshifted Timeseries.</summary>
public sealed class WindowAndShiftPlotTests
{
    [Theory]
    [InlineData("moving-window-dots-center", "left_closed", "center", "dots_and_windows", "15min")]
    [InlineData("moving-window-dots-closed-left", "closed", "left", "dots_and_windows", "1h")]
    [InlineData("moving-window-dots-right-open", "left_open", "right", "dots_and_windows", "90s")]
    [InlineData("moving-window-lines", "open", "center", "lines", "15min")]
    public void MovingWindowAggregatedTimeseriesPlot_Mode_DrawsWindowsAndClosedEnds(
        string caseName, string intervalType, string labelPosition, string plottingMode, string window)
    {
        var original = Series(["2022-12-06T23:17:14Z", "2022-12-06T23:22:14Z", "2022-12-06T23:27:14Z", "2022-12-06T23:32:14Z",
            "2022-12-06T23:37:14Z", "2022-12-06T23:42:14Z"], [14.360248, 14.473486, 14.744616, 15.729985, 14.945974, 15.311936]);
        var aggregated = Series(["2022-12-06T23:22:30Z", "2022-12-06T23:37:30Z", "2022-12-06T23:52:30Z"], [14.5261166667, NaN, 13.96039]);
        var args = Args(("original_timeseries", original), ("aggregated_timeseries", aggregated), ("window_size", window),
            ("interval_type", intervalType), ("label_position", labelPosition), ("plotting_mode", plottingMode));

        ExpectedOutputs.AssertOutputs(new MovingWindowAggregatedTimeseriesPlot(), caseName, args);
    }

    [Fact]
    public void MovingWindowAggregatedTimeseriesPlot_CalendarWindow_RaisesPandasValueError()
    {
        var series = Series(["2022-12-06T23:22:30Z"], [1.0]);
        var args = Args(("original_timeseries", series), ("aggregated_timeseries", series), ("window_size", "MS"),
            ("interval_type", "closed"), ("label_position", "left"), ("plotting_mode", "lines"));

        var error = Assert.Throws<PyException>(() => new MovingWindowAggregatedTimeseriesPlot().Run(new(args)));

        Assert.Equal("Value must be Timedelta, string, integer, float, timedelta or convertible, not MonthBegin", error.Message);
    }

    [Fact]
    public void CompareTimeshiftedTimeseries_ThreeShifts_SliderStartsAtUnshiftedCopy()
    {
        var args = Args(
            ("series", Series(["2020-01-01T02:00:00Z", "2020-01-01T00:00:00Z", "2020-01-01T01:00:00Z"], [3.0, 1.0, 2.0], "measurement")),
            ("series_shiftable", Series(["2020-01-01T00:00:00Z", "2020-01-01T01:00:00Z"], [5.0, 6.0], "temp")),
            ("freq", "h"), ("freq_factor", 2L), ("max_shifts_past", 1L), ("max_shifts_future", 2L));

        ExpectedOutputs.AssertOutputs(new CompareTimeshiftedTimeseries(), "timeshifted", args);
    }

    [Theory]
    [InlineData("timeshifted-no-future", 2L, 0L)]
    [InlineData("timeshifted-negative", -1L, 1L)]
    public void CompareTimeshiftedTimeseries_InvalidShiftRange_RaisesLikeHetida(string caseName, long past, long future)
    {
        var single = Series(["2020-01-01T00:00:00Z"], [1.0]);
        var args = Args(("series", single), ("series_shiftable", single), ("freq", "min"), ("freq_factor", 1L),
            ("max_shifts_past", past), ("max_shifts_future", future));

        ExpectedOutputs.AssertError(new CompareTimeshiftedTimeseries(), caseName, args);
    }
}
