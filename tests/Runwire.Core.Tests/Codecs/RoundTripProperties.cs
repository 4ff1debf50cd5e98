using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Runwire.Core.Codecs;
using Runwire.Core.Codecs.Pandas;
using Runwire.Core.Data;

namespace Runwire.Core.Tests.Codecs;

/// <summary>encode(parse(x)) == x for hetida's own output formats (wrapped split Series, columns-orient frames).</summary>
public sealed class RoundTripProperties
{
    // 2000-01-01 .. 2030-01-01 in milliseconds, the precision hetida's output keeps
    private static readonly Gen<long> Millis = Gen.Choose(0, 30 * 365 * 24 * 60).SelectMany(
        minutes => Gen.Choose(0, 59_999).Select(ms => ((long)minutes * 60_000) + ms));

    private static readonly Gen<double> Values = Gen.Frequency(
        (1, Gen.Constant(double.NaN)),
        (6, Gen.Choose(-1_000_000, 1_000_000).SelectMany(whole => Gen.Choose(0, 999_999).Select(f => whole + (f / 1e6) + 1e-12))),
        (2, Gen.Choose(-1000, 1000).Select(i => i / 7.0)));

    private static readonly Gen<Series> SeriesGen =
        from n in Gen.Choose(1, 40)
        from stamps in Millis.ArrayOf(n)
        from values in Values.ArrayOf(n)
        from name in Gen.Elements<string?>(null, "temp", "x_at")
        select new Series(
            new DateTimeColumn([.. stamps.Select(ms => new DateTime(2000, 1, 1).Ticks + (ms * TimeSpan.TicksPerMillisecond))], isUtc: true),
            new Float64Column(values), name, new JsonObject { ["unit"] = "degC", ["n"] = n });

    private static readonly Gen<DataFrame> FrameGen =
        from n in Gen.Choose(1, 30)
        from stamps in Millis.ArrayOf(n)
        from a in Values.ArrayOf(n)
        from b in Values.ArrayOf(n)
        select new DataFrame(
            new DateTimeColumn([.. stamps.Distinct().Select(ms => new DateTime(2000, 1, 1).Ticks + (ms * TimeSpan.TicksPerMillisecond))], isUtc: true),
            ["a", "b"], [new Float64Column(a[..stamps.Distinct().Count()]), new Float64Column(b[..stamps.Distinct().Count()])]);

    [Property(MaxTest = 200)]
    public Property SeriesSplitWrapper_ParseThenEncode_ReproducesTheJson() =>
        Prop.ForAll(Arb.From(SeriesGen), series =>
        {
            var json = Json.Encode(series);
            var parsed = Assert.IsType<Series>(ValueParser.Parse(json, DataType.Series));
            SameUpToIntegralFloats(JsonNode.Parse(json), Json.EncodeNode(parsed));
            AssertRounded(((Float64Column)series.Values).Values, parsed.Values);
        });

    [Property(MaxTest = 200)]
    public Property DataFrameColumnsWrapper_ParseThenEncode_ReproducesTheJson() =>
        Prop.ForAll(Arb.From(FrameGen), frame =>
        {
            var json = Json.Encode(frame);
            var parsed = Assert.IsType<DataFrame>(ValueParser.Parse(json, DataType.DataFrame));
            SameUpToIntegralFloats(JsonNode.Parse(json), Json.EncodeNode(parsed));
            AssertRounded(((Float64Column)frame.Columns[0]).Values, parsed.Columns[0]);
        });

    // pandas reads an all-integral float column back as int64 ("2.0" → 2), so numbers compare by value.
    private static void SameUpToIntegralFloats(JsonNode? expected, JsonNode? actual)
    {
        switch (expected)
        {
            case JsonObject o:
                Assert.Equal(o.Select(p => p.Key), actual!.AsObject().Select(p => p.Key));
                foreach (var (key, value) in o)
                {
                    SameUpToIntegralFloats(value, actual[key]);
                }
                break;
            case JsonArray a:
                Assert.Equal(a.Count, actual!.AsArray().Count);
                for (var i = 0; i < a.Count; i++)
                {
                    SameUpToIntegralFloats(a[i], actual[i]);
                }
                break;
            case JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number:
                Assert.Equal(v.GetValue<double>(), actual!.GetValue<double>());
                break;
            default:
                Assert.True(JsonNode.DeepEquals(expected, actual), $"{expected?.ToJsonString()} != {actual?.ToJsonString()}");
                break;
        }
    }

    private static void AssertRounded(double[] original, Column parsed)
    {
        if (parsed is DateTimeColumn)
        {
            // pandas quirk: a Series of nothing but nulls is read as datetimes (all NaT)
            Assert.All(original, v => Assert.True(double.IsNaN(v)));
            return;
        }
        var values = parsed.ToDoubles();
        for (var i = 0; i < original.Length; i++)
        {
            if (double.IsNaN(original[i]))
            {
                Assert.True(double.IsNaN(values[i]));
                continue;
            }
            Assert.Equal(UjsonDouble.Round(original[i]), values[i]);
            Assert.True(Math.Abs(original[i] - values[i]) <= 5e-11 * Math.Max(1, Math.Abs(original[i])));
        }
    }
}
