using Runwire.Core.Components.Python;

namespace Runwire.Core.Tests.Components.Python;

public sealed class DateParserTests
{
    [Fact]
    public void ParseIso_Offset_ConvertsToUtc()
    {
        var parsed = DateParser.ParseIso("2020-01-01T00:00:00+02:00");

        Assert.Equal(new IsoTimestamp(new DateTime(2019, 12, 31, 22, 0, 0, DateTimeKind.Utc), true), parsed);
    }

    [Fact]
    public void ParseIso_NoZone_IsNaive() =>
        Assert.Equal(new IsoTimestamp(new DateTime(2020, 1, 1, 12, 30, 0), false), DateParser.ParseIso("2020-01-01 12:30"));

    [Theory]
    [InlineData("2020-01-01T12:30:15.1234567Z", 2020, 1, 1, 12, 30, 15, 123456)]
    [InlineData("01.02.2020", 2020, 1, 2, 0, 0, 0, 0)]
    [InlineData("2020/01/05", 2020, 1, 5, 0, 0, 0, 0)]
    [InlineData("1 January 2020", 2020, 1, 1, 0, 0, 0, 0)]
    [InlineData("1577836800", 2020, 1, 1, 0, 0, 0, 0)]
    public void Parse_LikeDateparserWithUtc_GivesUtcMicroseconds(string text, int y, int mo, int d, int h, int mi, int s, int micro)
    {
        var expected = new DateTime(y, mo, d, h, mi, s, DateTimeKind.Utc).AddTicks(micro * 10L);

        Assert.Equal(expected, DateParser.Parse(text));
    }

    [Theory]
    [InlineData("not a date")]
    [InlineData("")]
    public void Parse_Unreadable_IsNull(string text) => Assert.Null(DateParser.Parse(text));
}
