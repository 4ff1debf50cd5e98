using System.Globalization;
using FsCheck.Xunit;
using Runwire.Core.Codecs;

namespace Runwire.Core.Tests.Codecs;

public sealed class PyFormatTests
{
    [Theory]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(0.1, "0.1")]
    [InlineData(123456789012345.0, "123456789012345.0")]
    [InlineData(1234567890123456.0, "1234567890123456.0")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(2.0, "2.0")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(1.5e300, "1.5e+300")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(0.0, "0.0")]
    [InlineData(double.NaN, "nan")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NegativeInfinity, "-inf")]
    [InlineData(1.1574074074074072e-05, "1.1574074074074072e-05")]
    public void Repr_KnownValues_MatchesPython(double value, string expected) =>
        Assert.Equal(expected, PyFormat.Repr(value));

    [Fact]
    public void Repr_GeneratedDoubles_MatchPythonRepr()
    {
        foreach (var row in TestData.Load("floats.json"))
        {
            var value = BitConverter.Int64BitsToDouble(long.Parse((string)row!["bits"]!, CultureInfo.InvariantCulture));
            Assert.Equal((string)row["repr"]!, PyFormat.Repr(value));
        }
    }

    [Property(MaxTest = 2000)]
    public bool Repr_AnyFiniteDouble_RoundTripsThroughDoubleParse(double value) =>
        !double.IsFinite(value) || double.Parse(PyFormat.Repr(value), CultureInfo.InvariantCulture).Equals(value);

    [Theory]
    [InlineData(null, "None")]
    [InlineData(true, "True")]
    [InlineData(3L, "3")]
    [InlineData(1.5, "1.5")]
    [InlineData("it's", "it's")]
    public void Str_Scalars_MatchPythonStr(object? value, string expected) => Assert.Equal(expected, PyFormat.Str(value));

    [Fact]
    public void Str_DictWithNestedValues_IsPythonLiteral()
    {
        var dict = System.Text.Json.Nodes.JsonNode.Parse("""{"a": [1, 2.0, null, true], "b's": "x"}""");

        Assert.Equal("{'a': [1, 2.0, None, True], \"b's\": 'x'}", PyFormat.Str(dict));
    }

    [Theory]
    [InlineData(2020, 7, 6, 13, 32, 31, 8383650, DateTimeKind.Utc, "2020-07-06T13:32:31.838365+00:00")]
    [InlineData(2020, 1, 6, 0, 0, 0, 0, DateTimeKind.Utc, "2020-01-06T00:00:00+00:00")]
    [InlineData(2020, 1, 6, 0, 0, 0, 5000, DateTimeKind.Unspecified, "2020-01-06T00:00:00.000500")]
    public void IsoFormat_Timestamps_MatchDatetimeIsoformat(int y, int mo, int d, int h, int mi, int s, long ticks, DateTimeKind kind, string expected) =>
        Assert.Equal(expected, PyFormat.IsoFormat(new DateTime(y, mo, d, h, mi, s, kind).AddTicks(ticks)));
}
