using System.Text.Json.Nodes;
using Runwire.Core.Data;

namespace Runwire.Core.Tests.Components.DataExpectations;

/// <summary>Decodes the generator's tagged test values (see tools/comp-data/encoding.py) into engine values.</summary>
internal static class TestValues
{
    public static object? Decode(JsonNode? node)
    {
        var obj = node!.AsObject();
        var (tag, value) = obj.First(p => p.Key != "utc");
        return tag switch
        {
            "series" => DecodeSeries(value!.AsObject()),
            "frame" => DecodeFrame(value!.AsObject()),
            "float" => Float(value),
            "int" => value!.GetValue<long>(),
            "str" => value!.GetValue<string>(),
            "bool" => value!.GetValue<bool>(),
            "none" => null,
            "json" => value!.DeepClone(),
            "datetime" => ToDateTime(value!.GetValue<long>(), obj["utc"]!.GetValue<bool>()),
            "ndarray" => value!.AsArray().Select(Float).ToArray(),
            _ => throw new ArgumentException($"unknown test value tag {tag}"),
        };
    }

    public static Series DecodeSeries(JsonObject s) =>
        new(DecodeColumn(s["index"]!), DecodeColumn(s["values"]!), s["name"]?.GetValue<string>(), s["attrs"]!.AsObject().DeepClone().AsObject());

    public static DataFrame DecodeFrame(JsonObject f)
    {
        var columns = f["columns"]!.AsArray();
        return new DataFrame(
            DecodeColumn(f["index"]!),
            [.. columns.Select(c => c![0]!.GetValue<string>())],
            [.. columns.Select(c => DecodeColumn(c![1]!))],
            f["attrs"]!.AsObject().DeepClone().AsObject());
    }

    public static Column DecodeColumn(JsonNode c)
    {
        var data = c["data"]!.AsArray();
        return c["kind"]!.GetValue<string>() switch
        {
            "float64" => new Float64Column([.. data.Select(Float)]),
            "int64" => new Int64Column([.. data.Select(v => v!.GetValue<long>())]),
            "bool" => new BoolColumn([.. data.Select(v => v!.GetValue<bool>())]),
            "datetime" => new DateTimeColumn([.. data.Select(v => v is null ? DateTimeColumn.NaT : Ticks(v.GetValue<long>()))], c["utc"]!.GetValue<bool>()),
            "object" => new ObjectColumn([.. data.Select(Decode)]),
            var kind => throw new ArgumentException($"unknown column kind {kind}"),
        };
    }

    public static double Float(JsonNode? v) => v!.GetValueKind() == System.Text.Json.JsonValueKind.String
        ? v.GetValue<string>() switch
        {
            "nan" => double.NaN,
            "inf" => double.PositiveInfinity,
            "-inf" => double.NegativeInfinity,
            var s => throw new ArgumentException($"bad float {s}"),
        }
        : v.GetValue<double>();

    public static long Ticks(long nanos) => nanos / 100 + DateTime.UnixEpoch.Ticks;

    public static DateTime ToDateTime(long nanos, bool utc) => new(Ticks(nanos), utc ? DateTimeKind.Utc : DateTimeKind.Unspecified);
}
