using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Runwire.WebConsole.Rendering;

/// <summary>
/// A job's request for reading: indented, with long strings (inline series are strings in the legacy format) and long
/// arrays cut, each cut saying how much was left out.
/// </summary>
public static class JsonShortener
{
    public const int MaxString = 160;
    public const int MaxItems = 20;
    /// <summary>Indented, and quotes and non-ASCII letters as they are: the page encodes its text for HTML itself.</summary>
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Shorten(byte[]? json)
    {
        if (json is null || json.Length == 0)
        {
            return "(not kept)";
        }
        try
        {
            return Shorten(JsonNode.Parse(json))?.ToJsonString(Indented) ?? "null";
        }
        catch (JsonException)
        {
            var text = System.Text.Encoding.UTF8.GetString(json);
            return text.Length > 4 * MaxString ? $"{text[..(4 * MaxString)]}… ({text.Length:N0} characters, not valid JSON)" : text;
        }
    }

    private static JsonNode? Shorten(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Shorten(p.Value)))),
        JsonArray a when a.Count > MaxItems => new JsonArray([.. a.Take(MaxItems).Select(Shorten), JsonValue.Create($"… {a.Count - MaxItems:N0} more items")]),
        JsonArray a => new JsonArray([.. a.Select(Shorten)]),
        JsonValue v when v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > MaxString } s =>
            JsonValue.Create($"{s[..MaxString]}… ({s.Length:N0} characters)"),
        _ => node?.DeepClone(),
    };
}
