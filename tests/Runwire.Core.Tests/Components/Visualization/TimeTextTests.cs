using Runwire.Core.Components.Visualization.Time;
using Runwire.Core.Data;

namespace Runwire.Core.Tests.Components.Visualization;

/// <summary>Window sizes and shift frequencies as pandas 1.5.3 reads them (values taken from the reference Python).</summary>
public sealed class TimeTextTests
{
    private const long Second = 1_000_000_000;

    [Theory]
    [InlineData("15min", 900 * Second)]
    [InlineData("15T", 900 * Second)]
    [InlineData("1h30min", 5400 * Second)]
    [InlineData("1.5h", 5400 * Second)]
    [InlineData("H", 3600 * Second)]
    [InlineData("min", 60 * Second)]
    [InlineData("15", 15)]
    [InlineData("1 days", 86400 * Second)]
    [InlineData("1 day 2 hours", 93600 * Second)]
    [InlineData("00:15:00", 900 * Second)]
    [InlineData("-15min", -900 * Second)]
    [InlineData("1M", 60 * Second)]
    [InlineData("1W", 604800 * Second)]
    [InlineData(" 15min ", 900 * Second)]
    [InlineData("1s500ms", 1500 * Second / 1000)]
    [InlineData("5L", 5 * Second / 1000)]
    [InlineData("1MS", Second / 1000)]
    [InlineData("10m", 600 * Second)]
    [InlineData("1min 30s", 90 * Second)]
    public void ParseNanos_PandasTimedeltaText_GivesPandasLength(string text, long expected) =>
        Assert.Equal(expected, TimedeltaText.ParseNanos(text));

    [Theory]
    [InlineData("abc", "Invalid frequency: abc")]
    [InlineData("W", "Value must be Timedelta, string, integer, float, timedelta or convertible, not Week")]
    [InlineData("3B", "Value must be Timedelta, string, integer, float, timedelta or convertible, not BusinessDay")]
    public void ParseNanos_NoTimedelta_RaisesPandasValueError(string text, string message)
    {
        var error = Assert.Throws<PyException>(() => TimedeltaText.ParseNanos(text));

        Assert.Equal(("ValueError", message), (error.TypeName, error.Message));
    }

    [Theory]
    [InlineData("h", 3600 * Second)]
    [InlineData("2H", 7200 * Second)]
    [InlineData("ms", Second / 1000)]
    [InlineData("1D1H", 90000 * Second)]
    [InlineData("-5min", -300 * Second)]
    public void TryNanos_TickFrequency_GivesItsLength(string freq, long expected) =>
        Assert.Equal(expected, TickFrequency.TryNanos(freq, out _));

    [Fact]
    public void TryNanos_MonthBegin_NamesTheCalendarOffset()
    {
        Assert.Null(TickFrequency.TryNanos("MS", out var name));
        Assert.Equal("MonthBegin", name);
    }
}
