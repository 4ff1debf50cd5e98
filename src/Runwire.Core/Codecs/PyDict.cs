using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Runwire.Core.Codecs;

/// <summary>
/// pydantic v1's dict validator on a JSON value: an object as it is, or Python's <c>dict(list)</c> for a list of
/// key/value pairs (2-element lists or 2-character strings). Keys become JSON keys the way <c>json.dumps</c> writes
/// them (<c>1</c> → "1", <c>true</c> → "true", <c>null</c> → "null"); keys equal in Python (1, 1.0, true) are one key.
/// </summary>
internal static class PyDict
{
    public static JsonObject? FromJson(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            return (JsonObject)obj.DeepClone();
        }
        if (node is not JsonArray array)
        {
            return null;
        }
        var result = new JsonObject();
        var keysByIdentity = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in array)
        {
            if (!TryPair(item, out var key, out var value) || !TryKey(key, out var jsonKey, out var identity))
            {
                return null;
            }
            if (!keysByIdentity.TryGetValue(identity, out var existing))
            {
                keysByIdentity[identity] = existing = jsonKey;
            }
            result[existing] = value?.DeepClone();
        }
        return result;
    }

    private static bool TryPair(JsonNode? item, out JsonNode? key, out JsonNode? value)
    {
        key = value = null;
        if (item is JsonArray { Count: 2 } pair)
        {
            (key, value) = (pair[0], pair[1]);
            return true;
        }
        if (item is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            var runes = v.GetValue<string>().EnumerateRunes().ToArray();
            if (runes.Length == 2)
            {
                (key, value) = (JsonValue.Create(runes[0].ToString()), JsonValue.Create(runes[1].ToString()));
                return true;
            }
        }
        return false;
    }

    private static bool TryKey(JsonNode? key, out string jsonKey, out string identity)
    {
        (jsonKey, identity) = (key?.GetValueKind()) switch
        {
            null or JsonValueKind.Null => ("null", "None"),
            JsonValueKind.True => ("true", "n:1"),
            JsonValueKind.False => ("false", "n:0"),
            JsonValueKind.String => (key!.GetValue<string>(), "s:" + key.GetValue<string>()),
            JsonValueKind.Number => NumberKey(key!.ToJsonString()),
            _ => ("", ""),
        };
        return identity.Length > 0;
    }

    private static (string Key, string Identity) NumberKey(string text)
    {
        var value = double.Parse(text, CultureInfo.InvariantCulture);
        var isInteger = text.AsSpan().IndexOfAny(".eE") < 0;
        return (isInteger ? text : PyFormat.Repr(value), "n:" + PyFormat.Repr(value));
    }
}
