using System.Text.Json.Nodes;

namespace Runwire.PythonBench;

/// <summary>
/// The benchmark's hetida exports, written into a folder that both Runwire (<c>--import</c>) and hetida's own code
/// load: a user's Python component inside a workflow with a C# component after it, and a CPU-bound Python component.
/// </summary>
internal static class BenchTransformations
{
    public static readonly Guid ResidualId = Guid.Parse("5c0b7a52-1d1e-4f0a-9d7e-2b51f4a0c001");
    public static readonly Guid ZScoreId = Guid.Parse("5c0b7a52-1d1e-4f0a-9d7e-2b51f4a0c002");
    public static readonly Guid WorkflowId = Guid.Parse("5c0b7a52-1d1e-4f0a-9d7e-2b51f4a0c003");

    /// <summary>hetida's "Abs" base component (ANY in, ANY out); Runwire runs it in C#.</summary>
    public static readonly Guid AbsId = Guid.Parse("ea4a196f-5d94-d3cf-02e8-8c750414fc89");

    public const string AbsExport = "components/basic-arithmetic/abs_100_ea4a196f-5d94-d3cf-02e8-8c750414fc89.json";

    /// <summary>A user's component: how far each value lies from the mean of the last <c>window</c> values.</summary>
    public static string ResidualCode => Code(ResidualId, "Rolling Mean Residual", "Distance of each value from its rolling mean",
        """{"series": {"data_type": "SERIES"}, "window": {"data_type": "INT"}}""", """{"residual": {"data_type": "SERIES"}}""",
        """
        def main(*, series, window):
            # entrypoint function for this component
            # ***** DO NOT EDIT LINES ABOVE *****
            return {"residual": series - series.rolling(window, min_periods=1).mean()}
        """);

    /// <summary>
    /// A component whose main does a few milliseconds of pandas work, so that a job's cost is not only the channel:
    /// the median over 8 window sizes of the absolute rolling z-score.
    /// </summary>
    public static string ZScoreCode => Code(ZScoreId, "Multi Window Z Score", "Median absolute rolling z-score over 8 window sizes",
        """{"series": {"data_type": "SERIES"}}""", """{"score": {"data_type": "SERIES"}}""",
        """
        import pandas as pd


        def main(*, series):
            # entrypoint function for this component
            # ***** DO NOT EDIT LINES ABOVE *****
            scores = []
            for window in range(10, 90, 10):
                rolling = series.rolling(window, min_periods=2)
                scores.append(((series - rolling.mean()) / rolling.std()).abs())
            return {"score": pd.concat(scores, axis=1).median(axis=1)}
        """);

    /// <summary>Writes the component and workflow exports into <paramref name="directory"/>.</summary>
    public static void Write(string directory)
    {
        Save(directory, "components", Component(ResidualId, "Rolling Mean Residual", ResidualCode,
            [("series", "SERIES"), ("window", "INT")], [("residual", "SERIES")]));
        Save(directory, "components", Component(ZScoreId, "Multi Window Z Score", ZScoreCode, [("series", "SERIES")], [("score", "SERIES")]));
        Save(directory, "workflows", Workflow());
    }

    private static string Code(Guid id, string name, string description, string inputs, string outputs, string body) => $$""""
        """{{name}}

        # {{name}}

        {{description}}. Written for Runwire's Python benchmark, as a hetida user would write a component.
        """

        # ***** DO NOT EDIT LINES BELOW *****
        # These lines may be overwritten if component details or inputs/outputs change.
        COMPONENT_INFO = {
            "inputs": {{inputs}},
            "outputs": {{outputs}},
            "name": "{{name}}",
            "category": "Benchmark",
            "description": "{{description}}",
            "version_tag": "1.0.0",
            "id": "{{id}}",
            "revision_group_id": "{{id}}",
            "state": "RELEASED",
            "released_timestamp": "2025-01-01T00:00:00+00:00",
        }

        from hdutils import parse_default_value  # noqa: E402, F401


        {{body.Trim()}}

        """";

    private static JsonObject Component(Guid id, string name, string code, (string Name, string Type)[] inputs, (string Name, string Type)[] outputs) =>
        Revision(id, name, "COMPONENT", code, new JsonObject
        {
            ["inputs"] = new JsonArray([.. inputs.Select(i => (JsonNode)Io(Derive(id, "in:" + i.Name), i.Name, i.Type, required: true))]),
            ["outputs"] = new JsonArray([.. outputs.Select(o => (JsonNode)Io(Derive(id, "out:" + o.Name), o.Name, o.Type))]),
        });

    /// <summary>
    /// series, window → Rolling Mean Residual (Python) → Abs (C# in Runwire) → abs_residual. Built the way hetida's
    /// own <c>wrap_component_in_tr_workflow</c> builds workflow content: every workflow input and output is linked.
    /// </summary>
    private static JsonObject Workflow()
    {
        var residual = Derive(WorkflowId, "op:residual");
        var abs = Derive(WorkflowId, "op:abs");
        var series = Io(Derive(WorkflowId, "in:series"), "series", "SERIES", required: true);
        var window = Io(Derive(WorkflowId, "in:window"), "window", "INT", required: true);
        var output = Io(Derive(WorkflowId, "out:abs_residual"), "abs_residual", "ANY");
        JsonObject residualIn(string name, string type) => Connector(Derive(ResidualId, "in:" + name), name, type);
        var residualOut = Connector(Derive(ResidualId, "out:residual"), "residual", "SERIES");
        var absIn = Connector(Guid.Parse("2bf34e30-2de3-b373-e214-b2354eb14d27"), "data", "ANY");
        var absOut = Connector(Guid.Parse("4280fb87-b12a-44af-8a9e-250912467d0e"), "absolute", "ANY");
        var content = new JsonObject
        {
            ["operators"] = new JsonArray(
                Operator(residual, ResidualId, "Rolling Mean Residual", [Input(residualIn("series", "SERIES")), Input(residualIn("window", "INT"))], [residualOut]),
                Operator(abs, AbsId, "Abs", [Input(absIn)], [absOut])),
            ["links"] = new JsonArray(
                Link("link:series", null, Connector(series), residual, residualIn("series", "SERIES")),
                Link("link:window", null, Connector(window), residual, residualIn("window", "INT")),
                Link("link:residual", residual, residualOut, abs, absIn),
                Link("link:out", abs, absOut, null, Connector(output))),
            ["inputs"] = new JsonArray(
                ContentIo(series, residual, "Rolling Mean Residual", Derive(ResidualId, "in:series"), "series", input: true),
                ContentIo(window, residual, "Rolling Mean Residual", Derive(ResidualId, "in:window"), "window", input: true)),
            ["outputs"] = new JsonArray(ContentIo(output, abs, "Abs", Guid.Parse("4280fb87-b12a-44af-8a9e-250912467d0e"), "absolute", input: false)),
            ["constants"] = new JsonArray(),
        };
        return Revision(WorkflowId, "Absolute Rolling Mean Residual", "WORKFLOW", content, new JsonObject
        {
            ["inputs"] = new JsonArray(series.DeepClone(), window.DeepClone()),
            ["outputs"] = new JsonArray(output.DeepClone()),
        });
    }

    private static JsonObject Revision(Guid id, string name, string type, JsonNode content, JsonObject io) => new()
    {
        ["id"] = id.ToString(),
        ["revision_group_id"] = id.ToString(),
        ["name"] = name,
        ["description"] = name,
        ["category"] = "Benchmark",
        ["version_tag"] = "1.0.0",
        ["released_timestamp"] = "2025-01-01T00:00:00+00:00",
        ["disabled_timestamp"] = null,
        ["state"] = "RELEASED",
        ["type"] = type,
        ["documentation"] = "",
        ["content"] = content,
        ["io_interface"] = io,
        ["test_wiring"] = new JsonObject { ["input_wirings"] = new JsonArray(), ["output_wirings"] = new JsonArray(), ["dashboard_positionings"] = new JsonArray() },
    };

    private static JsonObject Io(Guid id, string name, string type, bool required = false)
    {
        var io = new JsonObject { ["id"] = id.ToString(), ["name"] = name, ["data_type"] = type };
        if (required)
        {
            io["type"] = "REQUIRED";
            io["value"] = null;
        }
        return io;
    }

    private static JsonObject Connector(Guid id, string name, string type) =>
        new() { ["id"] = id.ToString(), ["name"] = name, ["data_type"] = type, ["position"] = Origin() };

    private static JsonObject Connector(JsonObject io) => Connector(Guid.Parse(io["id"]!.GetValue<string>()), io["name"]!.GetValue<string>(), io["data_type"]!.GetValue<string>());

    private static JsonObject Input(JsonObject connector)
    {
        var input = (JsonObject)connector.DeepClone();
        input["type"] = "REQUIRED";
        input["value"] = null;
        input["exposed"] = true;
        return input;
    }

    private static JsonObject Operator(Guid id, Guid trafo, string name, JsonObject[] inputs, JsonObject[] outputs) => new()
    {
        ["id"] = id.ToString(),
        ["revision_group_id"] = trafo.ToString(),
        ["name"] = name,
        ["type"] = "COMPONENT",
        ["state"] = "RELEASED",
        ["version_tag"] = "1.0.0",
        ["transformation_id"] = trafo.ToString(),
        ["inputs"] = new JsonArray([.. inputs.Select(i => (JsonNode)i.DeepClone())]),
        ["outputs"] = new JsonArray([.. outputs.Select(o => (JsonNode)o.DeepClone())]),
        ["position"] = Origin(),
    };

    private static JsonObject Link(string name, Guid? from, JsonObject start, Guid? to, JsonObject end) => new()
    {
        ["id"] = Derive(WorkflowId, name).ToString(),
        ["start"] = new JsonObject { ["operator"] = from?.ToString(), ["connector"] = start.DeepClone() },
        ["end"] = new JsonObject { ["operator"] = to?.ToString(), ["connector"] = end.DeepClone() },
        ["path"] = new JsonArray(),
    };

    private static JsonObject ContentIo(JsonObject io, Guid op, string opName, Guid connector, string connectorName, bool input)
    {
        var result = Connector(io);
        result["operator_id"] = op.ToString();
        result["connector_id"] = connector.ToString();
        result["operator_name"] = opName;
        result["connector_name"] = connectorName;
        if (input)
        {
            result["type"] = "REQUIRED";
            result["value"] = null;
        }
        return result;
    }

    private static JsonObject Origin() => new() { ["x"] = 0, ["y"] = 0 };

    /// <summary>Fixed ids derived from a parent id, so every run writes the same exports.</summary>
    private static Guid Derive(Guid parent, string name)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(parent + "/" + name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    private static void Save(string directory, string folder, JsonObject export)
    {
        var target = Directory.CreateDirectory(Path.Combine(directory, folder)).FullName;
        var name = export["name"]!.GetValue<string>().ToLowerInvariant().Replace(' ', '-');
        File.WriteAllText(Path.Combine(target, $"{name}_100_{export["id"]}.json"), export.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }
}
