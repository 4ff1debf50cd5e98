using System.Text;
using System.Text.Json.Nodes;

namespace Runwire.DataAdapters.Protocol;

/// <summary>The <c>Data-Attributes</c> header: base64 of the UTF-8 JSON of a frame's or a series' <c>.attrs</c>.</summary>
public static class DataAttributes
{
    public const string Header = "Data-Attributes";

    private static readonly System.Text.Json.JsonSerializerOptions Relaxed =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Encode(JsonNode attrs) => Convert.ToBase64String(Encoding.UTF8.GetBytes(attrs.ToJsonString(Relaxed)));

    public static JsonObject? Decode(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(Convert.FromBase64String(header)) as JsonObject;
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
