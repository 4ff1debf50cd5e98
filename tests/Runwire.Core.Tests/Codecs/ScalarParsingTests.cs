using System.Text.Json.Nodes;
using Runwire.Core.Codecs;
using Runwire.Core.Data;

namespace Runwire.Core.Tests.Codecs;

public sealed class ScalarParsingTests
{
    [Theory]
    [InlineData("30", 30L)]
    [InlineData(" 7 ", 7L)]
    [InlineData("-17", -17L)]
    [InlineData("+5", 5L)]
    [InlineData("1_000", 1000L)]
    [InlineData("007", 7L)]
    [InlineData("\t42\n", 42L)]
    [InlineData("٣", 3L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void ParseInt_PythonIntSyntax_Accepted(string text, long expected) =>
        Assert.Equal(expected, ValueParser.Parse(text, DataType.Int));

    [Theory]
    [InlineData("30.0")]
    [InlineData("1e3")]
    [InlineData("")]
    [InlineData("_1")]
    [InlineData("1_")]
    [InlineData("1__0")]
    [InlineData("0x10")]
    [InlineData("abc")]
    [InlineData("- 1")]
    public void ParseInt_NotAnInt_ThrowsPydanticMessage(string text)
    {
        var e = Assert.Throws<ValueParseException>(() => ValueParser.Parse(text, DataType.Int));
        Assert.Equal("value is not a valid integer", e.Message);
    }

    [Fact]
    public void ParseInt_BeyondLong_ThrowsClearParseError()
    {
        var e = Assert.Throws<ValueParseException>(() => ValueParser.Parse("9223372036854775808", DataType.Int));
        Assert.StartsWith("value is not a valid integer", e.Message, StringComparison.Ordinal);
        Assert.Contains("64-bit", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.3", 1.3)]
    [InlineData("1e3", 1000.0)]
    [InlineData(" -2.5e-3 ", -0.0025)]
    [InlineData("1_000.5", 1000.5)]
    [InlineData(".5", 0.5)]
    [InlineData("5.", 5.0)]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("-Infinity", double.NegativeInfinity)]
    [InlineData("+INF", double.PositiveInfinity)]
    [InlineData("1e400", double.PositiveInfinity)]
    [InlineData("7", 7.0)]
    public void ParseFloat_PythonFloatSyntax_Accepted(string text, double expected) =>
        Assert.Equal(expected, ValueParser.Parse(text, DataType.Float));

    [Theory]
    [InlineData("nan")]
    [InlineData("-NaN")]
    public void ParseFloat_Nan_GivesNaN(string text) => Assert.True(double.IsNaN((double)ValueParser.Parse(text, DataType.Float)!));

    [Theory]
    [InlineData("")]
    [InlineData("1,5")]
    [InlineData("e5")]
    [InlineData("1e")]
    [InlineData("1._5")]
    [InlineData("0x1p3")]
    [InlineData("nanx")]
    public void ParseFloat_NotAFloat_ThrowsPydanticMessage(string text) =>
        Assert.Equal("value is not a valid float", Assert.Throws<ValueParseException>(() => ValueParser.Parse(text, DataType.Float)).Message);

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("\"quoted\"")]
    public void ParseString_AnyText_Verbatim(string text) => Assert.Equal(text, ValueParser.Parse(text, DataType.String));

    [Theory]
    [InlineData("True", true)]
    [InlineData("yes", true)]
    [InlineData("ON", true)]
    [InlineData("t", true)]
    [InlineData("1", true)]
    [InlineData("y", true)]
    [InlineData("false", false)]
    [InlineData("No", false)]
    [InlineData("off", false)]
    [InlineData("0", false)]
    [InlineData("F", false)]
    [InlineData("n", false)]
    public void ParseBoolean_PydanticWords_Accepted(string text, bool expected) =>
        Assert.Equal(expected, ValueParser.Parse(text, DataType.Boolean));

    [Theory]
    [InlineData("maybe")]
    [InlineData(" true")]
    [InlineData("")]
    [InlineData("2")]
    public void ParseBoolean_OtherText_Throws(string text) =>
        Assert.Equal("value could not be parsed to a boolean",
            Assert.Throws<ValueParseException>(() => ValueParser.Parse(text, DataType.Boolean)).Message);

    [Fact]
    public void ParseAny_JsonObject_GivesObject()
    {
        var value = Assert.IsType<JsonObject>(ValueParser.Parse("""{"a": 1}""", DataType.Any));
        Assert.Equal(1L, value["a"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("42", 42L)]
    [InlineData("2.0", 2.0)]
    [InlineData("\"2.0\"", 2.0)]
    [InlineData("\"\\\"x\\\"\"", "x")]
    [InlineData("not json", "not json")]
    [InlineData("\"not json\"", "not json")]
    [InlineData("{\"a\": 1.5, \"b\": None}", "{\"a\": 1.5, \"b\": None}")]
    [InlineData("", "")]
    [InlineData("true", true)]
    [InlineData("null", null)]
    [InlineData("12345678901234567890", 12345678901234567890.0)]
    public void ParseAny_Text_FollowsParsedAny(string text, object? expected) =>
        Assert.Equal(expected, ValueParser.Parse(text, DataType.Any));

    [Fact]
    public void ParseAny_ListAndDoubleEncodedList_GiveArrays()
    {
        Assert.Equal("[1,2]", Assert.IsType<JsonArray>(ValueParser.Parse("[1, 2]", DataType.Any)).ToJsonString());
        Assert.Equal("[\"c\",2,3]", Assert.IsType<JsonArray>(ValueParser.Parse("\"[\\\"c\\\",2,3]\"", DataType.Any)).ToJsonString());
    }

    [Fact]
    public void ParseAny_PythonNanTokensAndRepeatedKeys_LikeJsonLoads()
    {
        var value = Assert.IsType<JsonObject>(ValueParser.Parse("""{"a": NaN, "b": -Infinity, "a": 2, "s": "NaN"}""", DataType.Any));

        Assert.Equal(["a", "b", "s"], value.Select(p => p.Key));
        Assert.Equal(2L, value["a"]!.GetValue<long>());
        Assert.Equal(double.NegativeInfinity, value["b"]!.GetValue<double>());
        Assert.Equal("NaN", value["s"]!.GetValue<string>());
    }

    [Fact]
    public void ParseAny_NullValueInObject_KeptAsNull()
    {
        var value = Assert.IsType<JsonObject>(ValueParser.Parse("""{"0":1.2,"1":null,"2":5}""", DataType.Any));

        Assert.True(value.ContainsKey("1"));
        Assert.Null(value["1"]);
        Json.AssertEncodes("""{"0": 1.2, "1": null, "2": 5}""", value);
    }

    [Theory]
    [InlineData("{\"a\":1}")]
    [InlineData("abc")]
    public void ParsePlotlyJson_AnyText_IsNotADict(string text) =>
        Assert.Equal("value is not a valid dict", Assert.Throws<ValueParseException>(() => ValueParser.Parse(text, DataType.PlotlyJson)).Message);

    [Theory]
    [InlineData(DataType.Int)]
    [InlineData(DataType.Series)]
    [InlineData(DataType.Any)]
    public void Parse_NullText_NullWhenNullableElsePydanticError(DataType type)
    {
        Assert.Null(ValueParser.Parse(null, type, nullable: true));
        Assert.Equal("none is not an allowed value", Assert.Throws<ValueParseException>(() => ValueParser.Parse(null, type)).Message);
    }
}
