using System.Text.Json.Nodes;
using Runwire.Core.Adapters;
using Runwire.Core.Contracts;
using Runwire.Core.Engine;
using Runwire.Core.Transformations;

namespace Runwire.Core.Tests.Engine;

/// <summary>An engine over the test components plus the transformations a test adds.</summary>
internal sealed class EngineFixture
{
    public EngineFixture(params JsonObject[] extra)
    {
        foreach (var trafo in new[] { Components.Echo, Components.Join, Components.Fail, Components.Plot, Components.Sink,
                     Components.Unsupported, Components.Unimplemented }.Concat(extra))
        {
            Store.Import(TransformationReader.Read(trafo, trafo["name"]!.GetValue<string>()));
        }
    }

    public TestComponents Components { get; } = new();

    public TransformationStore Store { get; } = new();

    public AdapterRegistry Adapters { get; set; } = AdapterRegistry.Empty;

    public void Add(JsonObject trafo) => Store.Import(TransformationReader.Read(trafo, trafo["name"]!.GetValue<string>()));

    public Task<ExecutionResult> RunAsync(Guid id, bool plots = false, params (string Name, string Value)[] inputs) =>
        RunAsync(id, plots, [.. inputs.Select(i => Direct(i.Name, i.Value))], []);

    public Task<ExecutionResult> RunAsync(Guid id, bool plots, InputWiring[] inputs, OutputWiring[] outputs) =>
        Engine().ExecuteAsync(Job(id, plots, inputs, outputs), TestContext.Current.CancellationToken);

    public ExecutionEngine Engine() => new(Store, Components.Registry, Adapters);

    public static ExecutionJob Job(Guid id, bool plots, InputWiring[] inputs, OutputWiring[] outputs) =>
        new(id, null, new WorkflowWiring(inputs, outputs), plots, Guid.NewGuid(), true, JobFormat.ExecById);

    public static InputWiring Direct(string name, string value) =>
        new(name, AdapterId.DirectProvisioning, Filters: new Dictionary<string, string> { ["value"] = value });

    public static object? Output(ExecutionResult result, string name) => result.Outputs.Single(o => o.Key == name).Value;
}
