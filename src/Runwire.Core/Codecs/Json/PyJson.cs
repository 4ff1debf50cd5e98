using System.Text.Json.Nodes;

namespace Runwire.Core.Codecs.Json;

/// <summary>
/// Python's <c>json.loads</c> into the engine's value model: int → long (float when beyond the long range, where
/// Python keeps an arbitrary-size int), float → double (NaN/Infinity accepted), objects → <see cref="JsonObject"/>
/// with Python dict semantics for repeated keys (the last value wins, at the first key's position).
/// </summary>
internal static class PyJson
{
    public static bool TryLoads(string text, out object? value)
    {
        var tape = JsonTape.TryParse(PyJsonText.ToUtf8(text));
        value = tape is null ? null : ToValue(tape, JsonTape.Root);
        return tape is not null;
    }

    /// <summary>The engine value of a token: scalars unboxed, containers as JSON nodes.</summary>
    // The arms are cast to object: JsonNode's implicit conversions would otherwise make JsonNode their common type.
    public static object? ToValue(JsonTape tape, int token) => tape.Kind(token) switch
    {
        TapeKind.Null => null,
        TapeKind.True => (object)true,
        TapeKind.False => false,
        TapeKind.Integer => tape.GetInt64(token) is { } l ? l : (object)tape.GetDouble(token),
        TapeKind.Float or TapeKind.NaN or TapeKind.PositiveInfinity or TapeKind.NegativeInfinity => tape.GetDouble(token),
        TapeKind.String or TapeKind.PropertyName => tape.GetString(token),
        _ => ToNode(tape, token),
    };

    public static JsonNode? ToNode(JsonTape tape, int token)
    {
        switch (tape.Kind(token))
        {
            case TapeKind.Object:
                var obj = new JsonObject();
                for (var t = token + 1; t < tape.Skip(token); t = tape.Skip(t + 1))
                {
                    // indexer assignment keeps the first position and takes the last value, like a Python dict
                    obj[tape.GetString(t)] = ToNode(tape, t + 1);
                }
                return obj;
            case TapeKind.Array:
                var array = new JsonArray();
                for (var t = token + 1; t < tape.Skip(token); t = tape.Skip(t))
                {
                    array.Add(ToNode(tape, t));
                }
                return array;
            default:
                return ToValue(tape, token) switch
                {
                    null => null,
                    bool b => JsonValue.Create(b),
                    long l => JsonValue.Create(l),
                    double d => JsonValue.Create(d),
                    var s => JsonValue.Create((string)s),
                };
        }
    }
}
