using System.Globalization;
using System.Text.Json.Nodes;
using Runwire.Core.Codecs;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Connectors;

/// <summary>Python dict semantics on JSON objects (hetida's dict values and pandas <c>.attrs</c>).</summary>
internal static class PyDicts
{
    /// <summary>An engine value as a JSON node that can be stored in a dict (a copy for nodes).</summary>
    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        bool b => JsonValue.Create(b),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        string s => JsonValue.Create(s),
        // hetida's result encoder writes datetimes inside dicts with isoformat()
        DateTime t => JsonValue.Create(PyFormat.IsoFormat(t)),
        double[] array => new JsonArray([.. array.Select(x => (JsonNode?)JsonValue.Create(x))]),
        _ => throw new PyException(
            "NotImplementedError", $"Runwire cannot store a {Ordering.PyTypeName(value)} inside a dictionary value."),
    };

    /// <summary>A dict key as <c>json.dumps</c> writes it.</summary>
    public static string KeyText(object? key) => key switch
    {
        string s => s,
        null => "null",
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => PyFormat.Repr(d),
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => v.GetValue<string>(),
        JsonValue v => KeyText(v.GetValueKind() == System.Text.Json.JsonValueKind.Number ? v.GetValue<double>() : v.ToJsonString()),
        _ => throw PyException.TypeError($"unhashable type: '{Ordering.PyTypeName(key)}'"),
    };

    /// <summary>Python's <c>target.update(other)</c> for a mapping or a sequence of key/value pairs.</summary>
    public static void Update(JsonObject target, object? other)
    {
        switch (other)
        {
            case JsonObject mapping:
                foreach (var (key, value) in mapping)
                {
                    target[key] = value?.DeepClone();
                }
                break;
            case JsonArray pairs:
                for (var i = 0; i < pairs.Count; i++)
                {
                    var (key, value) = Pair(pairs[i], i);
                    target[KeyText(key)] = value?.DeepClone();
                }
                break;
            case string text:
                if (text.Length > 0)
                {
                    throw PyException.ValueError("dictionary update sequence element #0 has length 1; 2 is required");
                }
                break;
            default:
                throw PyException.TypeError($"'{Ordering.PyTypeName(other)}' object is not iterable");
        }
    }

    private static (object? Key, JsonNode? Value) Pair(JsonNode? element, int position)
    {
        if (element is JsonArray { Count: 2 } pair)
        {
            return (pair[0], pair[1]);
        }
        if (element is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String && v.GetValue<string>().Length == 2)
        {
            var s = v.GetValue<string>();
            return (s[..1], JsonValue.Create(s[1..]));
        }
        var length = element switch
        {
            JsonArray a => a.Count,
            JsonObject o => o.Count,
            JsonValue s when s.GetValueKind() == System.Text.Json.JsonValueKind.String => s.GetValue<string>().Length,
            _ => throw PyException.TypeError($"cannot convert dictionary update sequence element #{position} to a sequence"),
        };
        if (element is JsonObject { Count: 2 } keys)
        {
            var names = keys.Select(p => p.Key).ToArray();
            return (names[0], JsonValue.Create(names[1]));
        }
        throw PyException.ValueError($"dictionary update sequence element #{position} has length {length}; 2 is required");
    }
}
