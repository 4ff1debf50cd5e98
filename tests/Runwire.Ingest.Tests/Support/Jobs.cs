using System.Text.Json.Nodes;

namespace Runwire.Ingest.Tests.Support;

/// <summary>Job wirings in hetida's snake_case form, and the result check every workflow test makes.</summary>
public static class Jobs
{
    public static void AssertResult(string expected, JsonNode result) =>
        Assert.True(result["result"]!.GetValue<string>() == expected, result["error"]?.ToJsonString());

    public static JsonObject Wiring(params JsonObject[] inputs) => new() { ["input_wirings"] = new JsonArray(inputs), ["output_wirings"] = new JsonArray() };

    public static JsonObject Direct(string name, string value) => new()
    {
        ["workflow_input_name"] = name, ["adapter_id"] = "direct_provisioning", ["filters"] = new JsonObject { ["value"] = value },
    };

    public static JsonObject Stored(string name, string refId, string type) => new()
    {
        ["workflow_input_name"] = name, ["adapter_id"] = AdapterService.AdapterId,
        ["ref_id"] = refId, ["ref_id_type"] = "SOURCE", ["ref_key"] = "v", ["type"] = type,
    };
}
