using System.Text.Json.Nodes;

namespace Runwire.Core.Tests.Support;

/// <summary>A compact description of workflow content; operators refer to trafos by their export JSON.</summary>
internal sealed class WorkflowSpec
{
    private readonly List<(Guid Id, string Name, JsonObject Trafo)> _operators = [];
    private readonly List<JsonObject> _links = [];
    private readonly List<JsonObject> _inputs = [];
    private readonly List<JsonObject> _outputs = [];
    private readonly List<JsonObject> _constants = [];

    public Guid Operator(string name, JsonObject trafo)
    {
        var id = Guid.NewGuid();
        _operators.Add((id, name, trafo));
        return id;
    }

    public WorkflowSpec Link(Guid from, string output, Guid to, string input)
    {
        _links.Add(new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["start"] = new JsonObject { ["operator"] = from.ToString(), ["connector"] = Connector(from, output, outputs: true) },
            ["end"] = new JsonObject { ["operator"] = to.ToString(), ["connector"] = Connector(to, input, outputs: false) },
            ["path"] = new JsonArray(),
        });
        return this;
    }

    public WorkflowSpec Input(string name, string type, Guid op, string connector, JsonNode? defaultValue = null)
    {
        _inputs.Add(new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(), ["name"] = name, ["data_type"] = type,
            ["type"] = defaultValue is null ? "REQUIRED" : "OPTIONAL", ["value"] = defaultValue?.DeepClone(),
            ["operator_id"] = op.ToString(), ["connector_id"] = Guid.NewGuid().ToString(), ["connector_name"] = connector,
        });
        return this;
    }

    public WorkflowSpec Output(string name, string type, Guid op, string connector)
    {
        _outputs.Add(new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(), ["name"] = name, ["data_type"] = type,
            ["operator_id"] = op.ToString(), ["connector_id"] = Guid.NewGuid().ToString(), ["connector_name"] = connector,
        });
        return this;
    }

    public WorkflowSpec Constant(string type, string value, Guid op, string connector)
    {
        _constants.Add(new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(), ["name"] = null, ["data_type"] = type, ["value"] = value,
            ["operator_id"] = op.ToString(), ["connector_id"] = Guid.NewGuid().ToString(), ["connector_name"] = connector,
        });
        return this;
    }

    public JsonObject ToContent() => new()
    {
        ["operators"] = new JsonArray([.. _operators.Select(o => (JsonNode)new JsonObject
        {
            ["id"] = o.Id.ToString(),
            ["name"] = o.Name,
            ["type"] = o.Trafo["type"]!.DeepClone(),
            ["state"] = "RELEASED",
            ["version_tag"] = "1.0.0",
            ["revision_group_id"] = o.Trafo["revision_group_id"]!.DeepClone(),
            ["transformation_id"] = o.Trafo["id"]!.DeepClone(),
            ["inputs"] = Connectors(o.Trafo, "inputs"),
            ["outputs"] = Connectors(o.Trafo, "outputs"),
            ["position"] = new JsonObject { ["x"] = 0, ["y"] = 0 },
        })]),
        ["links"] = new JsonArray([.. _links]),
        ["inputs"] = new JsonArray([.. _inputs]),
        ["outputs"] = new JsonArray([.. _outputs]),
        ["constants"] = new JsonArray([.. _constants]),
    };

    private static JsonArray Connectors(JsonObject trafo, string kind)
    {
        var io = IoOf(trafo, kind);
        return new JsonArray([.. io.Select(c => (JsonNode)new JsonObject
        {
            ["id"] = c!["id"]!.DeepClone(), ["name"] = c["name"]!.DeepClone(), ["data_type"] = c["data_type"]!.DeepClone(),
            ["type"] = c["type"]?.DeepClone() ?? "REQUIRED", ["exposed"] = true,
        })]);
    }

    // A workflow's io_interface is derived from its content, so read nested workflows' inputs/outputs there.
    private static JsonArray IoOf(JsonObject trafo, string kind) =>
        trafo["type"]!.GetValue<string>() == "WORKFLOW" ? trafo["content"]![kind]!.AsArray() : trafo["io_interface"]![kind]!.AsArray();

    private JsonObject Connector(Guid op, string name, bool outputs)
    {
        var trafo = _operators.Single(o => o.Id == op).Trafo;
        var c = IoOf(trafo, outputs ? "outputs" : "inputs").Single(x => x!["name"]!.GetValue<string>() == name)!;
        return new JsonObject { ["id"] = c["id"]!.DeepClone(), ["name"] = name, ["data_type"] = c["data_type"]!.DeepClone() };
    }
}
