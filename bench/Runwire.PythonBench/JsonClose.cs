using System.Text.Json;
using System.Text.Json.Nodes;

namespace Runwire.PythonBench;

/// <summary>JSON trees equal up to a relative 1e-9 on numbers (Runwire and pandas may round the last digit differently).</summary>
internal static class JsonClose
{
    public static bool Equal(JsonNode? a, JsonNode? b) => (a, b) switch
    {
        (null, null) => true,
        (JsonObject x, JsonObject y) => x.Count == y.Count && x.All(p => y.TryGetPropertyValue(p.Key, out var v) && Equal(p.Value, v)),
        (JsonArray x, JsonArray y) => x.Count == y.Count && x.Zip(y).All(p => Equal(p.First, p.Second)),
        (JsonValue x, JsonValue y) when x.GetValueKind() == JsonValueKind.Number && y.GetValueKind() == JsonValueKind.Number =>
            Math.Abs(x.GetValue<double>() - y.GetValue<double>()) <= 1e-9 * Math.Max(1, Math.Abs(y.GetValue<double>())),
        (JsonValue x, JsonValue y) => JsonNode.DeepEquals(x, y),
        _ => false,
    };
}
