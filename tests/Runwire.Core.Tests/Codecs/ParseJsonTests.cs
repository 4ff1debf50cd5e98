using System.Text.Json.Nodes;
using Runwire.Core.Codecs;
using Runwire.Core.Data;

namespace Runwire.Core.Tests.Codecs;

public sealed class ParseJsonTests
{
    [Theory]
    [InlineData("\"True\"", DataType.Boolean, true)]
    [InlineData("true", DataType.Boolean, true)]
    [InlineData("0", DataType.Boolean, false)]
    [InlineData("30", DataType.Int, 30L)]
    [InlineData("2.7", DataType.Int, 2L)]
    [InlineData("-2.7", DataType.Int, -2L)]
    [InlineData("true", DataType.Int, 1L)]
    [InlineData("\"30\"", DataType.Int, 30L)]
    [InlineData("3", DataType.Float, 3.0)]
    [InlineData("\"1e3\"", DataType.Float, 1000.0)]
    [InlineData("5", DataType.String, "5")]
    [InlineData("1e3", DataType.String, "1000.0")]
    [InlineData("true", DataType.String, "True")]
    [InlineData("\"rgb(40, 251, 0)\"", DataType.String, "rgb(40, 251, 0)")]
    [InlineData("\"{\\\"method\\\": \\\"time\\\"}\"", DataType.Any, null)]
    [InlineData("42", DataType.Any, 42L)]
    public void ParseJson_StoredDefaults_ValidatedLikePydantic(string json, DataType type, object? expected)
    {
        var value = ValueParser.ParseJson(JsonNode.Parse(json), type, nullable: true);

        if (type == DataType.Any && expected is null)
        {
            Assert.Equal("time", Assert.IsType<JsonObject>(value)["method"]!.GetValue<string>());
            return;
        }
        Assert.Equal(expected, value);
    }

    [Fact]
    public void ParseJson_JsonNull_IsNoneWhenNullable()
    {
        Assert.Null(ValueParser.ParseJson(JsonNode.Parse("null"), DataType.Float, nullable: true));
        Assert.Null(ValueParser.ParseJson(null, DataType.Series, nullable: true));
        Assert.Throws<ValueParseException>(() => ValueParser.ParseJson(null, DataType.Float));
    }

    [Theory]
    [InlineData("{\"a\": 1}", DataType.Int, "value is not a valid integer")]
    [InlineData("[1]", DataType.Float, "value is not a valid float")]
    [InlineData("{\"a\": 1}", DataType.String, "str type expected")]
    [InlineData("2", DataType.Boolean, "value could not be parsed to a boolean")]
    [InlineData("5", DataType.PlotlyJson, "value is not a valid dict")]
    [InlineData("5", DataType.Series, "Got unexpected type at runtime when parsing Series: <class 'int'>")]
    [InlineData("1.5", DataType.DataFrame, "Got unexpected type at runtime when parsing DataFrame: <class 'float'>")]
    [InlineData("1e30", DataType.Int, "value is not a valid integer (outside the 64-bit integer range that Runwire supports)")]
    public void ParseJson_WrongShape_ThrowsParseError(string json, DataType type, string message) =>
        Assert.Equal(message, Assert.Throws<ValueParseException>(() => ValueParser.ParseJson(JsonNode.Parse(json), type)).Message);

    [Fact]
    public void ParseJson_PlotlyObject_TakenAsIs()
    {
        var node = JsonNode.Parse("""{"data": [], "layout": {"title": "x"}}""");

        var value = Assert.IsType<JsonObject>(ValueParser.ParseJson(node, DataType.PlotlyJson));

        Assert.Equal("x", value["layout"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public void ParseJson_PlotlyListOfPairs_BecomesDictLikePythonDict()
    {
        var value = ValueParser.ParseJson(JsonNode.Parse("""[["a", 1], [2, "b"], ["a", 3]]"""), DataType.PlotlyJson);

        Json.AssertEncodes("""{"a": 3, "2": "b"}""", value);
    }

    [Fact]
    public void ParseJson_SeriesObject_ReadLikeItsText()
    {
        var node = JsonNode.Parse("""{"2020-01-01T00:00:00Z": 1.5, "2020-01-02T00:00:00Z": null}""");

        var series = Assert.IsType<Series>(ValueParser.ParseJson(node, DataType.Series));

        Assert.True(((DateTimeColumn)series.Index).IsUtc);
        Assert.True(series.Values.IsMissing(1));
    }

    [Fact]
    public void ParseJson_WrapperObjectOfOtherKind_StillUnwrappedForJsonValues()
    {
        // hetida checks the wrapper's kind only for string input (try_parse_wrapped)
        var node = JsonNode.Parse("""{"__hd_wrapped_data_object__": "DATAFRAME", "__metadata__": {"m": 1}, "__data__": [1, 2]}""");

        var series = Assert.IsType<Series>(ValueParser.ParseJson(node, DataType.Series));

        Assert.Equal(2, series.Length);
        Assert.Equal(1L, series.Attrs["m"]!.GetValue<long>());
    }
}
