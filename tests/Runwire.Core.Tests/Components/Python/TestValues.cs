using System.Globalization;
using System.Text.Json.Nodes;
using Runwire.Core.Data;

namespace Runwire.Core.Tests.Components.Python;

/// <summary>Decodes the tagged values written by tools/comp-math/hetida_runner.py into Runwire's value model.</summary>
internal static class TestValues
{
    public static object? Decode(JsonNode? node)
    {
        var (tag, value) = ((JsonObject)node!).First();
        return tag switch
        {
            "bool" => value!.GetValue<bool>(),
            "int" => value!.GetValue<long>(),
            "float" => Float(value),
            "str" => value!.GetValue<string>(),
            "none" => null,
            "ts" => value is null ? null : Timestamp(value.GetValue<long>(), node!["utc"]!.GetValue<bool>()),
            "list" or "dict" => JsonNode.Parse(value!.ToJsonString()),
            "array" => ToArray(DecodeColumn(value)),
            "series" => new Series(DecodeColumn(value!["index"]), DecodeColumn(value["values"]),
                value["name"]?.GetValue<string>(), (JsonObject)value["attrs"]!.DeepClone()),
            "frame" => new DataFrame(DecodeColumn(value!["index"]), [.. value["columns"]!.AsArray().Select(c => c!.GetValue<string>())],
                [.. value["data"]!.AsArray().Select(DecodeColumn)], (JsonObject)value["attrs"]!.DeepClone()),
            _ => throw new InvalidOperationException($"no decoder for {tag}"),
        };
    }

    public static Column DecodeColumn(JsonNode? node)
    {
        var values = node!["values"]!.AsArray();
        return node["dtype"]!.GetValue<string>() switch
        {
            "float64" => new Float64Column([.. values.Select(Float)]),
            "int64" => new Int64Column([.. values.Select(v => v!.GetValue<long>())]),
            "bool" => new BoolColumn([.. values.Select(v => v!.GetValue<bool>())]),
            "datetime_utc" => new DateTimeColumn([.. values.Select(Ticks)], isUtc: true),
            "datetime_naive" => new DateTimeColumn([.. values.Select(Ticks)], isUtc: false),
            _ => new ObjectColumn([.. values.Select(Decode)]),
        };
    }

    private static object ToArray(Column column) => column is Float64Column f
        ? f.Values
        : Enumerable.Range(0, column.Length).Select(column.GetValue).ToArray();

    private static double Float(JsonNode? node) => node!.GetValueKind() == System.Text.Json.JsonValueKind.String
        ? node.GetValue<string>() switch
        {
            "nan" => double.NaN,
            "inf" => double.PositiveInfinity,
            _ => double.NegativeInfinity,
        }
        : double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture);

    private static long Ticks(JsonNode? nanos) => nanos is null ? DateTimeColumn.NaT : DateTime.UnixEpoch.Ticks + (nanos.GetValue<long>() / 100);

    private static DateTime Timestamp(long nanos, bool utc) =>
        new(DateTime.UnixEpoch.Ticks + (nanos / 100), utc ? DateTimeKind.Utc : DateTimeKind.Unspecified);
}
