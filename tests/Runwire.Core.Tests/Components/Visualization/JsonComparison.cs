using System.Text.Json;
using System.Text.Json.Nodes;

namespace Runwire.Core.Tests.Components.Visualization;

/// <summary>Structural JSON comparison that names the first differing path (numbers to 1e-9 relative, absolute below 1).</summary>
internal static class JsonComparison
{
    private const double Tolerance = 1e-9;

    public static void AssertEquivalent(JsonNode? expected, JsonNode? actual, string path, IReadOnlyCollection<string> notCompared)
    {
        switch (expected)
        {
            case null:
                Assert.True(actual is null, $"{path}: expected null, got {actual?.ToJsonString()}");
                break;
            case JsonObject expectedObject:
                var actualObject = Assert.IsType<JsonObject>(actual, exactMatch: false);
                var expectedKeys = expectedObject.Select(p => p.Key).Where(k => !notCompared.Contains($"{path}.{k}")).Order().ToList();
                var actualKeys = actualObject.Select(p => p.Key).Where(k => !notCompared.Contains($"{path}.{k}")).Order().ToList();
                Assert.True(expectedKeys.SequenceEqual(actualKeys),
                    $"{path}: keys differ, expected [{string.Join(", ", expectedKeys)}], got [{string.Join(", ", actualKeys)}]");
                foreach (var key in expectedKeys)
                {
                    AssertEquivalent(expectedObject[key], actualObject[key], $"{path}.{key}", notCompared);
                }
                break;
            case JsonArray expectedArray:
                var actualArray = Assert.IsType<JsonArray>(actual, exactMatch: false);
                Assert.True(expectedArray.Count == actualArray.Count,
                    $"{path}: expected {expectedArray.Count} elements, got {actualArray.Count}: {actualArray.ToJsonString()}");
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    AssertEquivalent(expectedArray[i], actualArray[i], $"{path}[{i}]", notCompared);
                }
                break;
            default:
                AssertScalar(expected.AsValue(), actual, path);
                break;
        }
    }

    private static void AssertScalar(JsonValue expected, JsonNode? actual, string path)
    {
        var actualValue = actual as JsonValue;
        Assert.True(actualValue is not null, $"{path}: expected {expected.ToJsonString()}, got {actual?.ToJsonString() ?? "null"}");
        if (expected.GetValueKind() == JsonValueKind.Number)
        {
            Assert.True(actualValue.GetValueKind() == JsonValueKind.Number, $"{path}: expected number {expected}, got {actualValue.ToJsonString()}");
            var e = expected.GetValue<double>();
            var a = double.Parse(actualValue.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(e - a) <= Tolerance * Math.Max(1, Math.Abs(e)), $"{path}: expected {e:R}, got {a:R}");
            return;
        }
        Assert.True(expected.ToJsonString() == actualValue.ToJsonString(), $"{path}: expected {expected.ToJsonString()}, got {actualValue.ToJsonString()}");
    }
}
