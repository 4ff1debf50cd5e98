using System.Text.Json.Nodes;
using Runwire.Core.Codecs;
using Runwire.Core.Codecs.Pandas;
using Runwire.Core.Data;

namespace Runwire.Core.Tests.Codecs;

/// <summary>Parse → encode against what pandas 1.5.3 reads and hetida writes (Data/*.json, see tools/codecs).</summary>
public sealed class PandasExpectationTests
{
    public static TheoryData<string> SeriesInputs() => Inputs("series.json");

    public static TheoryData<string> FrameInputs() => Inputs("frames.json");

    [Theory]
    [MemberData(nameof(SeriesInputs))]
    public void ParseSeries_PandasReference_SameDataDtypesAndMetadata(string input)
    {
        var expected = Case("series.json", input);
        if (expected["error"] is not null)
        {
            Assert.Throws<ValueParseException>(() => ValueParser.Parse(input, DataType.Series));
            return;
        }

        var series = Assert.IsType<Series>(ValueParser.Parse(input, DataType.Series));

        var encoded = Json.EncodeNode(series)!;
        Json.AssertSame(expected["data"], encoded["__data__"]);
        Json.AssertSame(expected["metadata"], encoded["__metadata__"]);
        Assert.Equal((string)expected["index_dtype"]!, Dtype(series.Index));
        Assert.Equal((string)expected["dtype"]!, Dtype(series.Values));
    }

    [Theory]
    [MemberData(nameof(FrameInputs))]
    public void ParseFrame_PandasReference_SameDataDtypesAndMetadata(string input)
    {
        var expected = Case("frames.json", input);
        if (expected["error"] is not null)
        {
            Assert.Throws<ValueParseException>(() => ValueParser.Parse(input, DataType.DataFrame));
            return;
        }

        var frame = Assert.IsType<DataFrame>(ValueParser.Parse(input, DataType.DataFrame));

        var encoded = Json.EncodeNode(frame)!;
        Json.AssertSame(expected["data"], encoded["__data__"]);
        Json.AssertSame(expected["metadata"], encoded["__metadata__"]);
        Assert.Equal((string)expected["index_dtype"]!, Dtype(frame.Index));
        Assert.Equal(expected["dtypes"]!.AsArray().Select(d => (string)d!), frame.Columns.Select(Dtype));
    }

    private static string Dtype(Column column) => MultiTsFrameValidator.DtypeName(column);

    private static TheoryData<string> Inputs(string file) => [.. TestData.Load(file).Select(r => (string)r!["input"]!)];

    private static JsonNode Case(string file, string input) => TestData.Load(file).First(r => (string)r!["input"]! == input)!;
}
