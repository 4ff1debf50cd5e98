using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Runwire.Core.Codecs;

namespace Runwire.Core.Tests.Codecs;

/// <summary>Encodes engine values with <see cref="ValueEncoder"/> and compares JSON by value.</summary>
internal static class Json
{
    public static string Encode(object? value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            ValueEncoder.Write(writer, value);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static JsonNode? EncodeNode(object? value) => JsonNode.Parse(Encode(value));

    /// <summary>Asserts equal JSON (object key order ignored, numbers compared as doubles, int vs float distinguished).</summary>
    public static void AssertSame(JsonNode? expected, JsonNode? actual)
    {
        Assert.True(JsonNode.DeepEquals(Normalize(expected), Normalize(actual)),
            $"expected {expected?.ToJsonString()}\n  actual {actual?.ToJsonString()}");
    }

    public static void AssertEncodes(string expectedJson, object? value) => AssertSame(JsonNode.Parse(expectedJson), EncodeNode(value));

    // DeepEquals compares numbers by their text; bring both sides to Python's repr so 1e-05 equals 0.00001.
    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Normalize(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Normalize)]),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => NormalizeNumber(v.ToJsonString()),
        _ => node?.DeepClone(),
    };

    private static JsonValue NormalizeNumber(string text) =>
        text.AsSpan().IndexOfAny(".eE") < 0
            ? JsonValue.Create(long.Parse(text, System.Globalization.CultureInfo.InvariantCulture))
            : JsonValue.Create("float:" + PyFormat.Repr(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture)));
}
