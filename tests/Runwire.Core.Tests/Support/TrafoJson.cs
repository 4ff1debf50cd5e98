using System.Text.Json.Nodes;

namespace Runwire.Core.Tests.Support;

/// <summary>Builds transformation exports in hetida's format for engine tests.</summary>
internal static class TrafoJson
{
    public static JsonObject Component(Guid id, string name, (string Name, string Type, JsonNode? Default)[] inputs, (string Name, string Type)[] outputs) => new()
    {
        ["id"] = id.ToString(),
        ["revision_group_id"] = id.ToString(),
        ["name"] = name,
        ["category"] = "Test",
        ["version_tag"] = "1.0.0",
        ["state"] = "RELEASED",
        ["released_timestamp"] = "2024-01-01T00:00:00+00:00",
        ["type"] = "COMPONENT",
        ["content"] = "test component",
        ["io_interface"] = new JsonObject
        {
            ["inputs"] = new JsonArray([.. inputs.Select(i => (JsonNode)new JsonObject
            {
                ["id"] = Guid.NewGuid().ToString(),
                ["name"] = i.Name,
                ["data_type"] = i.Type,
                ["type"] = i.Default is null ? "REQUIRED" : "OPTIONAL",
                ["value"] = i.Default?.DeepClone(),
            })]),
            ["outputs"] = new JsonArray([.. outputs.Select(o => (JsonNode)new JsonObject
            {
                ["id"] = Guid.NewGuid().ToString(), ["name"] = o.Name, ["data_type"] = o.Type,
            })]),
        },
        ["test_wiring"] = new JsonObject { ["input_wirings"] = new JsonArray(), ["output_wirings"] = new JsonArray() },
    };

    /// <summary>A workflow whose operators, links, inputs, outputs and constants are given compactly.</summary>
    public static JsonObject Workflow(Guid id, string name, WorkflowSpec spec) => new()
    {
        ["id"] = id.ToString(),
        ["revision_group_id"] = id.ToString(),
        ["name"] = name,
        ["category"] = "Test",
        ["version_tag"] = "1.0.0",
        ["state"] = "RELEASED",
        ["released_timestamp"] = "2024-01-01T00:00:00+00:00",
        ["type"] = "WORKFLOW",
        ["content"] = spec.ToContent(),
        ["io_interface"] = new JsonObject { ["inputs"] = new JsonArray(), ["outputs"] = new JsonArray() },
        ["test_wiring"] = new JsonObject { ["input_wirings"] = new JsonArray(), ["output_wirings"] = new JsonArray() },
    };

    /// <summary>
    /// A workflow with no inputs or outputs whose operators are the given workflows, unconnected. It may name itself
    /// (or a workflow that names it): a poison import that hetida's export format allows.
    /// </summary>
    public static JsonObject Nesting(Guid id, string name, params Guid[] nested)
    {
        var workflow = Workflow(id, name, new WorkflowSpec());
        workflow["content"]!["operators"] = new JsonArray([.. nested.Select((workflowId, i) => (JsonNode)new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["name"] = $"Nested {i + 1}",
            ["type"] = "WORKFLOW",
            ["state"] = "RELEASED",
            ["version_tag"] = "1.0.0",
            ["revision_group_id"] = workflowId.ToString(),
            ["transformation_id"] = workflowId.ToString(),
            ["inputs"] = new JsonArray(),
            ["outputs"] = new JsonArray(),
            ["position"] = new JsonObject { ["x"] = 0, ["y"] = 0 },
        })]);
        return workflow;
    }
}
