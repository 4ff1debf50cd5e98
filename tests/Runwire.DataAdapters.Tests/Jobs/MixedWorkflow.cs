using System.Text.Json.Nodes;
using Runwire.Core.Contracts;
using Runwire.Core.Tests.Support;
using Runwire.Core.Transformations;

namespace Runwire.DataAdapters.Tests.Jobs;

/// <summary>
/// A workflow of hetida's Pass Through components with one input per kind of source (file, SQL table, SQL timeseries
/// table, inline value) and one output per kind of sink (file, table, result), and the wiring that mixes them.
/// </summary>
internal static class MixedWorkflow
{
    public static readonly Guid Id = new("5e1f0000-0000-4000-8000-00000000ad01");

    public static JsonObject[] Components { get; } =
    [
        Load("pass-through-dataframe_100_7a1a818f-fa89-6062-1e0e-fc80539bbe0a.json"),
        Load("pass-through-multitsframe_100_78ee6b00-9239-4214-b9bf-a093647f33f5.json"),
        Load("pass-through-integer_100_57eea09f-d28e-89af-4e81-2027697a3f0f.json"),
    ];

    public static JsonObject Workflow { get; } = Build();

    public static TransformationStore Store()
    {
        var store = new TransformationStore();
        foreach (var trafo in Components.Append(Workflow))
        {
            store.Import(TransformationReader.Read(trafo, trafo["name"]!.GetValue<string>()));
        }
        return store;
    }

    public static WorkflowWiring Wiring(string csvId, string fileSinkId, string outputFile) => new(
        [
            new InputWiring("file_frame", Adapter("local-file-adapter"), csvId, "SOURCE", Type: "dataframe"),
            new InputWiring("sql_frame", Adapter("sql-adapter"), "plant/table/machines", "SOURCE", Type: "dataframe"),
            new InputWiring("sql_ts", Adapter("sql-adapter"), "plant/ts_table/readings", "SOURCE", Type: "multitsframe",
                Filters: new Dictionary<string, string> { ["metrics"] = "temp", ["timestampFrom"] = "2024-01-01T00:00:00Z", ["timestampTo"] = "2024-01-02T00:00:00Z" }),
            new InputWiring("inline_number", AdapterId.DirectProvisioning, Filters: new Dictionary<string, string> { ["value"] = "42" }),
        ],
        [
            new OutputWiring("to_table", Adapter("sql-adapter"), "plant/append_table/job_out", "SINK", Type: "dataframe"),
            new OutputWiring("to_file", Adapter("local-file-adapter"), fileSinkId, "SINK", Type: "dataframe",
                Filters: new Dictionary<string, string> { ["file_name"] = outputFile }),
            new OutputWiring("ts_result", AdapterId.DirectProvisioning),
            new OutputWiring("number", AdapterId.DirectProvisioning),
        ]);

    public static AdapterId Adapter(string id) => new(id, false);

    public static ExecutionJob Job(WorkflowWiring wiring) => new(Id, null, wiring, false, Guid.NewGuid(), true, JobFormat.ExecById);

    private static JsonObject Build()
    {
        var spec = new WorkflowSpec();
        var frameA = spec.Operator("file pass", Components[0]);
        var frameB = spec.Operator("sql pass", Components[0]);
        var multi = spec.Operator("ts pass", Components[1]);
        var number = spec.Operator("number pass", Components[2]);
        spec.Input("file_frame", "DATAFRAME", frameA, "input").Output("to_table", "DATAFRAME", frameA, "output");
        spec.Input("sql_frame", "DATAFRAME", frameB, "input").Output("to_file", "DATAFRAME", frameB, "output");
        spec.Input("sql_ts", "MULTITSFRAME", multi, "input").Output("ts_result", "MULTITSFRAME", multi, "output");
        spec.Input("inline_number", "INT", number, "input").Output("number", "INT", number, "output");
        return TrafoJson.Workflow(Id, "Mixed Adapter Demo", spec);
    }

    private static JsonObject Load(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(SharedPaths.HetidaTransformations, "components", "connectors", file)))!.AsObject();
}
