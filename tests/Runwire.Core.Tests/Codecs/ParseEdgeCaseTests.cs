using Runwire.Core.Codecs;
using Runwire.Core.Data;

namespace Runwire.Core.Tests.Codecs;

public sealed class ParseEdgeCaseTests
{
    [Theory]
    [InlineData("", DataType.DataFrame)]
    [InlineData("not json", DataType.DataFrame)]
    [InlineData("\"abc\"", DataType.DataFrame)]
    [InlineData("5", DataType.DataFrame)]
    [InlineData("{\"a\": 1, \"b\": 2}", DataType.DataFrame)]
    [InlineData("{\"a\": [1, 2], \"b\": [1]}", DataType.DataFrame)]
    [InlineData("{\"a\": [1, 2], \"b\": {\"0\": 1}}", DataType.DataFrame)]
    [InlineData("[{\"a\": 1}, 5]", DataType.DataFrame)]
    [InlineData("{\"__hd_wrapped_data_object__\": \"DATAFRAME\", \"__metadata__\": {}, \"__data__\": [1], \"__data_parsing_options__\": {\"orient\": \"split\"}}", DataType.DataFrame)]
    [InlineData("{\"__hd_wrapped_data_object__\": \"DATAFRAME\", \"__metadata__\": {}, \"__data__\": {\"columns\": [\"a\"], \"data\": [[1, 2]]}, \"__data_parsing_options__\": {\"orient\": \"split\"}}", DataType.DataFrame)]
    [InlineData("{\"__hd_wrapped_data_object__\": \"DATAFRAME\", \"__metadata__\": {}, \"__data__\": {}, \"__data_parsing_options__\": {\"lines\": true}}", DataType.DataFrame)]
    [InlineData("{\"__hd_wrapped_data_object__\": \"DATAFRAME\", \"__metadata__\": {}, \"__data__\": {}, \"__data_parsing_options__\": {\"orient\": \"table\"}}", DataType.DataFrame)]
    [InlineData("{\"__hd_wrapped_data_object__\": \"SERIES\", \"__metadata__\": {}, \"__data__\": {\"index\": [0, 1], \"data\": [1]}, \"__data_parsing_options__\": {\"orient\": \"split\"}}", DataType.Series)]
    [InlineData("{\"__hd_wrapped_data_object__\": \"SERIES\", \"__metadata__\": {}, \"__data__\": {\"data\": [1], \"x\": 1}, \"__data_parsing_options__\": {\"orient\": \"split\"}}", DataType.Series)]
    [InlineData("{\"__hd_wrapped_data_object__\": \"SERIES\", \"__metadata__\": {}, \"__data__\": [1], \"__data_parsing_options__\": {\"date_unit\": \"h\"}}", DataType.Series)]
    [InlineData("[", DataType.MultiTSFrame)]
    public void Parse_WrongShape_ValueParseExceptionOnly(string text, DataType type)
    {
        var e = Assert.Throws<ValueParseException>(() => ValueParser.Parse(text, type));
        Assert.False(string.IsNullOrEmpty(e.Message));
    }

    [Fact]
    public void ParseFrame_Failure_HetidasMessage() =>
        Assert.Equal("Could not parse provided input as Pandas DataFrame",
            Assert.Throws<ValueParseException>(() => ValueParser.Parse("{\"a\": 1}", DataType.DataFrame)).Message);

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"a\": ")]
    public void ParseSeries_InvalidJson_OneElementSeriesOfTheText(string text)
    {
        // hetida's retry reads json.dumps(text), a JSON string
        var series = Assert.IsType<Series>(ValueParser.Parse(text, DataType.Series));

        Assert.Equal(1, series.Length);
    }

    [Theory]
    [InlineData("[\"2020-13-01T00:00:00Z\"]", "2020-13-01T00:00:00Z")]
    [InlineData("[\"2020-01-01T25:00:00Z\"]", "2020-01-01T25:00:00Z")]
    [InlineData("[\"1600-01-01\"]", "1600-01-01")]
    [InlineData("[\"2020-01-01T00:00:00+25:00\"]", "2020-01-01T00:00:00+25:00")]
    public void ParseSeries_InvalidTimestamps_StayStrings(string text, string value)
    {
        var series = Assert.IsType<Series>(ValueParser.Parse(text, DataType.Series));

        Assert.Equal(value, series.Values.GetValue(0));
    }

    [Fact]
    public void ParseSeries_HugeIntegers_ReadAsFloats()
    {
        // Runwire deviation: pandas' ujson refuses integers beyond 64 bits ("Value is too big")
        var series = Assert.IsType<Series>(ValueParser.Parse("[123456789012345678901234567890, 1, 1e400]", DataType.Series));

        Assert.Equal([1.2345678901234568E+29, 1, double.PositiveInfinity], ((Float64Column)series.Values).Values);
    }

    [Fact]
    public void ParseSeries_RepeatedKeys_LastValueAtFirstPosition()
    {
        var series = Assert.IsType<Series>(ValueParser.Parse("{\"b\": 1, \"a\": 2, \"b\": 3}", DataType.Series));

        Assert.Equal(["b", "a"], ((ObjectColumn)series.Index).Values);
        Assert.Equal([3L, 2L], ((Int64Column)series.Values).Values);
    }

    [Fact]
    public void ParseSeries_EpochMillisecondKeys_NaiveDatetimes()
    {
        var series = Assert.IsType<Series>(ValueParser.Parse("{\"1577836800000\": 1.5}", DataType.Series));

        var index = Assert.IsType<DateTimeColumn>(series.Index);
        Assert.False(index.IsUtc);
        Assert.Equal(new DateTime(2020, 1, 1), index.GetValue(0));
    }

    [Fact]
    public void ParseSeries_Unwrapped_EmptyAttrs() =>
        Assert.Empty(Assert.IsType<Series>(ValueParser.Parse("[1, 2]", DataType.Series)).Attrs);

    [Fact]
    public void ParseSeries_WrapperWithNullOptions_ReadUnwrapped()
    {
        // pydantic refuses None for __data_parsing_options__, so the whole object is read as series data
        var series = Assert.IsType<Series>(ValueParser.Parse(
            "{\"__hd_wrapped_data_object__\": \"SERIES\", \"__metadata__\": {}, \"__data__\": [1], \"__data_parsing_options__\": null}", DataType.Series));

        Assert.Equal(4, series.Length);
    }

    [Fact]
    public void ParseSeries_WrappedListOfPairs_ReadAsDictLikePydantic()
    {
        var series = Assert.IsType<Series>(ValueParser.Parse(
            "{\"__hd_wrapped_data_object__\": \"SERIES\", \"__metadata__\": {}, \"__data__\": [[\"a\", 1], [\"b\", 2]]}", DataType.Series));

        Assert.Equal(["a", "b"], ((ObjectColumn)series.Index).Values);
    }
}
