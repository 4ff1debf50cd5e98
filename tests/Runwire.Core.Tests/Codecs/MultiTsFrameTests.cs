using Runwire.Core.Codecs;
using Runwire.Core.Data;

namespace Runwire.Core.Tests.Codecs;

public sealed class MultiTsFrameTests
{
    private const string Timestamps =
        "\"timestamp\":[\"2019-08-01T15:45:36.000Z\",\"2019-08-01T15:45:36.000Z\",\"2019-08-01T15:45:36.000Z\","
        + "\"2019-08-02T15:45:36.000Z\",\"2019-08-02T15:45:36.000Z\",\"2019-08-02T15:45:36.000Z\"]";

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"value\":[],\"metric\":[],\"timestamp\":[]}")]
    public void Parse_Empty_EmptyFrameWithUtcTimestamps(string text)
    {
        var frame = Assert.IsType<DataFrame>(ValueParser.Parse(text, DataType.MultiTSFrame));

        Assert.Equal(0, frame.RowCount);
        Assert.Equal(["metric", "timestamp", "value"], frame.ColumnNames.Order());
        Assert.True(Assert.IsType<DateTimeColumn>(frame["timestamp"].Values).IsUtc);
    }

    [Fact]
    public void Parse_MixedValues_SixRowsMetricAsStrings()
    {
        var text = "{\"value\":[1.0,2,\"x\",1.9,null,\"y\"],\"metric\":[\"a\",\"b\",\"c\",\"a\",\"b\",\"c\"]," + Timestamps + "}";

        var frame = Assert.IsType<DataFrame>(ValueParser.Parse(text, DataType.MultiTSFrame));

        Assert.Equal(6, frame.RowCount);
        Assert.All(Enumerable.Range(0, 6), i => Assert.IsType<string>(frame["metric"].Values.GetValue(i)));
    }

    [Fact]
    public void Parse_UnsortedTimestamps_SortedKeepingIndexLabels()
    {
        var text = """{"value":[1,1.2],"metric":["a","b"],"timestamp":["2019-08-01T15:45:36.000Z","2019-08-01T15:42:36.000Z"]}""";

        var frame = ValueParser.Parse(text, DataType.MultiTSFrame);

        Json.AssertEncodes(
            """{"__hd_wrapped_data_object__": "DATAFRAME", "__metadata__": {}, "__data__": {"value": {"1": 1.2, "0": 1.0}, "metric": {"1": "b", "0": "a"}, "timestamp": {"1": "2019-08-01T15:42:36.000Z", "0": "2019-08-01T15:45:36.000Z"}}}""",
            frame);
        Assert.Equal([1L, 0L], ((Int64Column)((DataFrame)frame!).Index).Values);
    }

    [Fact]
    public void Parse_NumericMetric_StrOfValue()
    {
        var frame = (DataFrame)ValueParser.Parse("""{"value":[1],"metric":[1.5],"timestamp":["2020-01-01T00:00:00Z"]}""", DataType.MultiTSFrame)!;

        Assert.Equal("1.5", frame["metric"].Values.GetValue(0));
    }

    [Theory]
    [InlineData("{\"foo\":[1],\"bar\":[\"a\"],\"xyz\":[\"2019-08-01T15:45:36.000Z\"]}",
        "The column names foo, bar, xyz don't contain required columns \"timestamp\" and \"metric\" for a MultiTSFrame.")]
    [InlineData("{\"value\":[1,2],\"metric\":[\"a\",null],\"timestamp\":[\"2019-08-01T15:45:36.000Z\",\"2019-08-01T15:45:36.000Z\"]}",
        "No null values are allowed for the column 'metric' of a MulitTSFrame.")]
    [InlineData("{\"value\":[1,2],\"metric\":[\"a\",\"b\"],\"timestamp\":[\"2019-08-01T15:45:36.000Z\",null]}",
        "No null values are allowed for the column 'timestamp' of a MulitTSFrame.")]
    [InlineData("{\"value\":[1],\"metric\":[\"a\"],\"timestamp\":[\"2019-08-01T15:45:36.000\"]}",
        "Column 'timestamp' of MultiTSFrame does not have DatetimeTZDtype dtype. Got datetime64[ns] index dtype instead.")]
    [InlineData("{\"value\":[1],\"metric\":[\"a\"],\"timestamp\":[\"x\"]}",
        "Column 'timestamp' of MultiTSFrame does not have DatetimeTZDtype dtype. Got object index dtype instead.")]
    [InlineData("{\"value\":[1],\"metric\":[\"a\"],\"timestamp\":[\"2019-08-01T15:45:36.000+01:00\"]}",
        "Column 'timestamp' of MultiTSFrame does not have UTC timezone. Got pytz.FixedOffset(60) timezone instead.")]
    [InlineData("{\"metric\":[\"a\"],\"timestamp\":[\"2019-08-01T15:45:36.000Z\"]}",
        "MultiTSFrame requires at least 3 columns: metric, timestamp and at least one additional columns. Only found Index(['metric', 'timestamp'], dtype='object')")]
    public void Parse_InvalidLayout_HetidaMessage(string text, string message) =>
        Assert.Equal(message, Assert.Throws<ValueParseException>(() => ValueParser.Parse(text, DataType.MultiTSFrame)).Message);
}
