using System.Text.Json.Nodes;
using Runwire.Core.Components;
using Runwire.Core.Data;
using Runwire.Core.Tests.Support;

namespace Runwire.Core.Tests.Engine;

/// <summary>Small components with known behaviour, to test the engine's graph semantics independently of hetida's library.</summary>
internal sealed class TestComponents
{
    public Guid EchoId { get; } = Guid.NewGuid();
    public Guid JoinId { get; } = Guid.NewGuid();
    public Guid FailId { get; } = Guid.NewGuid();
    public Guid PlotId { get; } = Guid.NewGuid();
    public Guid SinkId { get; } = Guid.NewGuid();
    public Guid UnsupportedId { get; } = Guid.NewGuid();
    public Guid UnimplementedId { get; } = Guid.NewGuid();

    public List<string> Calls { get; } = [];

    public JsonObject Echo => TrafoJson.Component(EchoId, "Echo", [("x", "ANY", null)], [("y", "ANY")]);

    /// <summary>Joins a (STRING) and b (STRING, optional, default "B") with a dash.</summary>
    public JsonObject Join => TrafoJson.Component(JoinId, "Join", [("a", "STRING", null), ("b", "STRING", "B")], [("out", "STRING")]);

    public JsonObject Fail => TrafoJson.Component(FailId, "Fail", [("x", "ANY", null)], [("y", "ANY")]);

    public JsonObject Plot => TrafoJson.Component(PlotId, "Plot", [("x", "ANY", null)], [("plot", "PLOTLYJSON")]);

    public JsonObject Sink => TrafoJson.Component(SinkId, "Sink", [("x", "ANY", null)], []);

    public JsonObject Unsupported => TrafoJson.Component(UnsupportedId, "Keras Thing", [("x", "ANY", null)], [("y", "ANY")]);

    public JsonObject Unimplemented => TrafoJson.Component(UnimplementedId, "Custom Python", [("x", "ANY", null)], [("y", "ANY")]);

    public ComponentRegistry Registry => new(
    [
        new Lambda(EchoId, i => Out("y", Record("echo", i["x"]))),
        new Lambda(JoinId, i => Out("out", Record("join", $"{i["a"]}-{i["b"]}"))),
        new Lambda(FailId, _ => throw new PyException("ComponentException", "boom")
        {
            ErrorCode = 404L,
            ExtraInformation = new JsonObject { ["hint"] = "test" },
        }),
        new Lambda(PlotId, i => Out("plot", Record("plot", new JsonObject { ["data"] = new JsonArray(JsonValue.Create(i["x"]?.ToString())) }))),
        new Lambda(SinkId, i =>
        {
            Record("sink", i["x"]);
            return new Dictionary<string, object?>();
        }),
        new UnsupportedComponent(UnsupportedId, "Keras Thing", "needs a Keras model"),
    ]);

    private object? Record(string name, object? value)
    {
        lock (Calls)
        {
            Calls.Add(name);
        }
        return value;
    }

    private static Dictionary<string, object?> Out(string name, object? value) => new() { [name] = value };

    private sealed class Lambda(Guid id, Func<ComponentInputs, IReadOnlyDictionary<string, object?>> run) : IComponent
    {
        public Guid Id { get; } = id;

        public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) => run(inputs);
    }
}
