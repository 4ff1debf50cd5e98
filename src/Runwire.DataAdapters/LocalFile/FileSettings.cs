using System.Text.Json;
using System.Text.Json.Nodes;

namespace Runwire.DataAdapters.LocalFile;

/// <summary>
/// A data file's optional <c>&lt;file&gt;.settings.json</c> (hetida's SettingsFile): <c>loadable</c>, <c>writable</c> and the
/// pandas keyword arguments Runwire understands: <c>sep</c>/<c>delimiter</c> and <c>parse_dates</c> for CSV,
/// <c>sheet_name</c> for Excel. An unreadable settings file counts as absent, as in hetida.
/// </summary>
internal sealed record FileSettings(bool Loadable, bool Writable, char Separator, IReadOnlyList<string> ParseDates, JsonNode? SheetName)
{
    public static FileSettings Default { get; } = new(true, false, ',', [], null);

    public static FileSettings For(string dataFile)
    {
        var path = dataFile + ".settings.json";
        JsonObject? json;
        try
        {
            if (!File.Exists(path) || new FileInfo(path).Length > 1 << 20 || new FileInfo(path).LinkTarget is not null)
            {
                return Default;
            }
            json = JsonNode.Parse(File.ReadAllText(path)) as JsonObject;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return Default;
        }
        if (json is null)
        {
            return Default;
        }
        var load = json["load_settings"] as JsonObject;
        var sep = (load?["sep"] ?? load?["delimiter"]) is JsonValue v && v.TryGetValue<string>(out var s) && s.Length == 1 ? s[0] : ',';
        var dates = load?["parse_dates"] is JsonArray a
            ? a.Select(n => n is JsonValue x && x.TryGetValue<string>(out var name) ? name : null).OfType<string>().ToList()
            : [];
        return new FileSettings(
            Flag(json["loadable"]) ?? true,
            Flag(json["writable"]) ?? false,
            sep,
            dates,
            load?["sheet_name"]?.DeepClone());
    }

    private static bool? Flag(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;
}
