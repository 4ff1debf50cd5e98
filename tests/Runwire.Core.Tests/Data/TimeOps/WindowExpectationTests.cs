using System.Text.Json.Nodes;
using Runwire.Core.Data;
using Runwire.Core.Data.TimeOps;
using Runwire.Core.Tests.Components.DataExpectations;

namespace Runwire.Core.Tests.Data.TimeOps;

/// <summary>Window bounds, rolling aggregations and resampling checked against pandas 1.5 on random data.</summary>
public sealed class WindowExpectationTests
{
    private static readonly JsonObject Expected =
        JsonNode.Parse(File.ReadAllText(Path.Combine(PandasParsingTests.Folder(), "timeops.expected.json")))!.AsObject();

    public static TheoryData<int> BoundsCases => [.. Enumerable.Range(0, Expected["bounds"]!.AsArray().Count)];

    public static TheoryData<int> ResampleCases => [.. Enumerable.Range(0, Expected["resample"]!.AsArray().Count)];

    [Theory]
    [MemberData(nameof(BoundsCases))]
    public void Variable_RandomIndex_MatchesPandasBoundsAndRollingResults(int number)
    {
        var c = Expected["bounds"]![number]!;
        long[] index = [.. c["index"]!.AsArray().Select(v => v!.GetValue<long>())];

        var (start, end) = WindowBounds.Variable(index, c["window"]!.GetValue<long>(), c["center"]!.GetValue<bool>(), c["closed"]!.GetValue<string>());

        Assert.Equal(c["start"]!.AsArray().Select(v => v!.GetValue<int>()), start);
        Assert.Equal(c["end"]!.AsArray().Select(v => v!.GetValue<int>()), end);
        double[] values = [.. c["values"]!.AsArray().Select(Nullable)];
        var minPeriods = c["min_periods"]!.GetValue<int>();
        AssertSame(c["sum"]!, Rolling.Sum(values, start, end, minPeriods));
        AssertSame(c["median"]!, Rolling.Median(values, start, end, minPeriods));
    }

    [Theory]
    [MemberData(nameof(ResampleCases))]
    public void Bin_RandomSeries_MatchesPandasResample(int number)
    {
        var c = Expected["resample"]![number]!;
        long[] index = [.. c["index"]!.AsArray().Select(v => v!.GetValue<long>())];
        double[] values = [.. c["values"]!.AsArray().Select(Nullable)];
        var rule = Offset.Parse(c["rule"]!.GetValue<string>());
        var offset = TimedeltaParser.Parse(c["offset"]!.GetValue<string>())!.Value;
        var closedRight = c["closed"]!.GetValue<string>() == "right";

        if (c["error"] is JsonNode error)
        {
            var ex = Assert.Throws<PyException>(() => TickResampler.Bin(index, rule, closedRight, labelRight: true, offset));
            Assert.Equal(error["message"]!.GetValue<string>(), ex.Message);
            return;
        }
        var (labels, ends) = TickResampler.Bin(index, rule, closedRight, labelRight: true, offset);

        Assert.Equal(c["labels"]!.AsArray().Select(v => v!.GetValue<long>()), labels);
        AssertSame(c["mean"]!, TickResampler.Mean(values, ends));
        AssertSame(c["median"]!, TickResampler.Median(values, ends));
    }

    private static double Nullable(JsonNode? v) => v is null ? double.NaN : v.GetValue<double>();

    private static void AssertSame(JsonNode expected, double[] actual)
    {
        double[] e = [.. expected.AsArray().Select(Nullable)];
        Assert.Equal(e.Length, actual.Length);
        for (var i = 0; i < e.Length; i++)
        {
            ValueAssert.FloatMatches(e[i], actual[i], 0, $"[{i}]");
        }
    }
}
