using System.Text.Json.Nodes;

namespace Runwire.Core.Tests.Support;

/// <summary>
/// Compares JSON the way hetida's golden cases are meant to be compared: numbers within a relative tolerance
/// (absolute below 1), object key order ignored, list order significant, everything else exact.
/// </summary>
internal static class JsonAssert
{
    public static void Equivalent(JsonNode? expected, JsonNode? actual, double tolerance, string path = "$")
    {
        var problem = Difference(expected, actual, tolerance, path);
        Assert.True(problem is null, problem);
    }

    public static string? Difference(JsonNode? expected, JsonNode? actual, double tolerance, string path)
    {
        switch (expected)
        {
            case null:
                return actual is null ? null : $"{path}: expected null, got {actual.ToJsonString()}";
            case JsonObject e:
                if (actual is not JsonObject a)
                {
                    return $"{path}: expected an object, got {actual?.ToJsonString() ?? "null"}";
                }
                var keys = e.Select(kv => kv.Key).ToHashSet();
                var actualKeys = a.Select(kv => kv.Key).ToHashSet();
                if (!keys.SetEquals(actualKeys))
                {
                    return $"{path}: keys differ: expected [{string.Join(", ", keys.Order())}], got [{string.Join(", ", actualKeys.Order())}]";
                }
                return e.Select(kv => Difference(kv.Value, a[kv.Key], tolerance, $"{path}.{kv.Key}")).FirstOrDefault(d => d is not null);
            case JsonArray e:
                if (actual is not JsonArray arr)
                {
                    return $"{path}: expected a list, got {actual?.ToJsonString() ?? "null"}";
                }
                if (e.Count != arr.Count)
                {
                    return $"{path}: expected {e.Count} items, got {arr.Count}";
                }
                return e.Select((x, i) => Difference(x, arr[i], tolerance, $"{path}[{i}]")).FirstOrDefault(d => d is not null);
            default:
                return Scalar((JsonValue)expected, actual, tolerance, path);
        }
    }

    private static string? Scalar(JsonValue expected, JsonNode? actual, double tolerance, string path)
    {
        if (actual is not JsonValue a)
        {
            return $"{path}: expected {expected.ToJsonString()}, got {actual?.ToJsonString() ?? "null"}";
        }
        if (expected.GetValueKind() == System.Text.Json.JsonValueKind.Number && a.GetValueKind() == System.Text.Json.JsonValueKind.Number)
        {
            var x = expected.GetValue<double>();
            var y = a.GetValue<double>();
            var scale = Math.Max(1, Math.Abs(x));
            return Math.Abs(x - y) <= tolerance * scale ? null : $"{path}: expected {x:R}, got {y:R}";
        }
        return expected.ToJsonString() == a.ToJsonString() ? null : $"{path}: expected {expected.ToJsonString()}, got {a.ToJsonString()}";
    }
}
