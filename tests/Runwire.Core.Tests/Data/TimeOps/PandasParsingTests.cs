using System.Numerics;
using System.Text.Json.Nodes;
using Runwire.Core.Data;
using Runwire.Core.Data.TimeOps;

namespace Runwire.Core.Tests.Data.TimeOps;

/// <summary>Parsing checked against pandas 1.5's <c>to_offset</c> and <c>to_timedelta</c> and CPython's timedelta.</summary>
public sealed class PandasParsingTests
{
    private static JsonObject Expected => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder(), "timeops.expected.json")))!.AsObject();

    public static TheoryData<string> OffsetTexts => [.. Expected["offsets"]!.AsArray().Select(o => o!["text"]!.GetValue<string>())];

    public static TheoryData<string> TimedeltaTexts => [.. Expected["timedeltas"]!.AsArray().Select(o => o!["text"]!.GetValue<string>())];

    public static TheoryData<double> Seconds => [.. Expected["seconds"]!.AsArray().Select(o => o!["seconds"]!.GetValue<double>())];

    [Theory]
    [MemberData(nameof(OffsetTexts))]
    public void OffsetParse_FrequencyString_MatchesPandasToOffset(string text)
    {
        var expected = Expected["offsets"]!.AsArray().First(o => o!["text"]!.GetValue<string>() == text)!;
        if (expected["error"] is JsonNode error)
        {
            var ex = Assert.Throws<PyException>(() => Offset.Parse(text));
            Assert.Equal(error["message"]!.GetValue<string>(), ex.Message);
            return;
        }
        var offset = Offset.Parse(text);
        Assert.Equal(expected["repr"]!.GetValue<string>(), offset.ToString());
        Assert.Equal(expected["tick"]!.GetValue<bool>(), offset.IsTick);
        if (offset.IsTick)
        {
            Assert.Equal(expected["nanos"]!.GetValue<long>(), offset.Nanos);
        }
    }

    [Theory]
    [MemberData(nameof(TimedeltaTexts))]
    public void TimedeltaParse_String_MatchesPandasToTimedelta(string text)
    {
        var expected = Expected["timedeltas"]!.AsArray().First(o => o!["text"]!.GetValue<string>() == text)!;
        if (expected["error"] is JsonNode error)
        {
            var ex = Assert.Throws<PyException>(() => TimedeltaParser.Parse(text));
            Assert.Equal(error["message"]!.GetValue<string>(), ex.Message);
            return;
        }
        Assert.Equal(expected["nanos"]?.GetValue<long>(), TimedeltaParser.Parse(text));
    }

    [Theory]
    [MemberData(nameof(Seconds))]
    public void MicrosecondsFromSeconds_Float_MatchesCPythonTimedelta(double seconds)
    {
        var expected = Expected["seconds"]!.AsArray().First(o => o!["seconds"]!.GetValue<double>().Equals(seconds))!;
        var t0 = EpochNanos.FromDateTime(new DateTime(2020, 5, 1, 0, 0, 0, DateTimeKind.Utc));
        if (expected["micros"] is null)
        {
            var ex = Assert.Throws<PyException>(() => PyTimedelta.MicrosecondsFromSeconds(seconds));
            Assert.Equal(expected["error"]!["message"]!.GetValue<string>(), ex.Message);
            return;
        }
        var micros = PyTimedelta.MicrosecondsFromSeconds(seconds);
        Assert.Equal(BigInteger.Parse(expected["micros"]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture), micros);
        Assert.Equal(expected["text"]!.GetValue<string>(), PyTimedelta.Format(micros));
        if (expected["error"] is JsonNode error)
        {
            var ex = Assert.Throws<PyException>(() => PyTimedelta.AddToTimestamp(t0, micros));
            Assert.Equal(error["message"]!.GetValue<string>(), ex.Message);
        }
        else
        {
            Assert.Equal(expected["added"]!.GetValue<long>(), PyTimedelta.AddToTimestamp(t0, micros));
        }
    }

    internal static string Folder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
