using System.Globalization;
using System.Text.Json.Nodes;

namespace Runwire.Core.Transformations.PyModules;

/// <summary>
/// Turns a module's <c>COMPONENT_INFO</c> into the revision hetida's <c>transformation_revision_from_python_code</c>
/// builds, written in hetida's export format (the keys <c>save_transformation_into_directory</c> writes, nulls left out).
/// </summary>
internal static class ComponentInfoExport
{
    // hetida passes these itself, so a COMPONENT_INFO that also sets one fails with "got multiple values for keyword argument".
    private static readonly string[] Reserved = ["type", "documentation", "content", "io_interface", "test_wiring"];

    public static JsonObject Build(PyValue.Dict info, string code, string documentation, JsonObject testWiring, DateTimeOffset now, TransformationReader.Problems p)
    {
        foreach (var key in Reserved.Where(info.Has))
        {
            p.Add($"COMPONENT_INFO must not set \"{key}\": hetida derives it from the module");
        }
        var state = info.Get("state") is PyValue.Str s ? s.Value : info.Has("state") ? null : "RELEASED";
        var nowText = IsoFormat(now);
        var export = new JsonObject
        {
            ["category"] = Field(info, "category", "Other", p),
            ["content"] = code,
            ["description"] = Field(info, "description", "No description provided", p),
            ["disabled_timestamp"] = Timestamp(info, "disabled_timestamp", state == "DISABLED" ? nowText : null, p),
            ["documentation"] = documentation,
            ["id"] = Id(info, "id", p),
            ["io_interface"] = new JsonObject { ["inputs"] = IoInterfaceExport.Inputs(info, p), ["outputs"] = IoInterfaceExport.Outputs(info, p) },
            ["name"] = Field(info, "name", "Unnamed Component", p),
            ["released_timestamp"] = Timestamp(info, "released_timestamp", state != "DRAFT" ? nowText : null, p),
            ["revision_group_id"] = Id(info, "revision_group_id", p),
            ["state"] = Field(info, "state", "RELEASED", p),
            ["test_wiring"] = testWiring,
            ["type"] = "COMPONENT",
            ["version_tag"] = Field(info, "version_tag", "1.0.0", p),
        };
        foreach (var key in export.Where(kv => kv.Value is null).Select(kv => kv.Key).ToList())
        {
            export.Remove(key);
        }
        return export;
    }

    private static JsonNode? Field(PyValue.Dict info, string key, string fallback, TransformationReader.Problems p)
    {
        if (info.Get(key) is not { } value)
        {
            return fallback;
        }
        var node = PyValueJson.ToNode(value, out var ok);
        if (!ok)
        {
            p.Add($"COMPONENT_INFO[\"{key}\"] is a {value.TypeName}, which has no JSON form");
        }
        return node;
    }

    // hetida would make up a random id at every import, so no job could refer to the component; Runwire refuses instead.
    private static JsonNode? Id(PyValue.Dict info, string key, TransformationReader.Problems p)
    {
        if (!info.Has(key))
        {
            p.Add($"COMPONENT_INFO has no \"{key}\" (hetida would invent a random one at every import): add a fixed UUID");
            return null;
        }
        var node = Field(info, key, "", p);
        return node is JsonValue v && v.TryGetValue<string>(out var text) && Guid.TryParse(text, out var id) ? id.ToString("D") : node;
    }

    private static JsonNode? Timestamp(PyValue.Dict info, string key, string? fallback, TransformationReader.Problems p)
    {
        if (!info.Has(key))
        {
            return fallback;
        }
        var node = Field(info, key, "", p);
        return node is JsonValue v && v.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? IsoFormat(time)
            : node;
    }

    /// <summary>Python's <c>datetime.isoformat()</c> of the UTC time, as pydantic writes it: microseconds only when not zero.</summary>
    internal static string IsoFormat(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        var micro = (utc.Ticks % TimeSpan.TicksPerSecond) / 10;
        var fraction = micro == 0 ? "" : "." + micro.ToString("D6", CultureInfo.InvariantCulture);
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + fraction + "+00:00";
    }
}
