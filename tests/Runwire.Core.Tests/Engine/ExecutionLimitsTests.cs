using System.Diagnostics;
using System.Text.Json.Nodes;
using Runwire.Core.Adapters;
using Runwire.Core.Components;
using Runwire.Core.Components.Runners;
using Runwire.Core.Contracts;
using Runwire.Core.Data;
using Runwire.Core.Engine;
using Runwire.Core.Tests.Support;
using Runwire.Core.Transformations;

namespace Runwire.Core.Tests.Engine;

/// <summary>The per-job budgets of <see cref="ExecutionLimits"/>: each exceeded one is a failure naming the limit and its setting.</summary>
public sealed class ExecutionLimitsTests : IDisposable
{
    private static readonly Guid BlockId = Guid.NewGuid();
    private static readonly Guid GrowId = Guid.NewGuid();
    private static readonly Guid DrawId = Guid.NewGuid();
    private static readonly Guid EchoId = Guid.NewGuid();
    private readonly ManualResetEventSlim _release = new();
    private readonly List<string> _calls = [];
    private readonly TransformationStore _store = new();

    public ExecutionLimitsTests()
    {
        foreach (var trafo in new[]
        {
            TrafoJson.Component(BlockId, "Block", [("x", "ANY", null)], [("y", "ANY")]),
            TrafoJson.Component(GrowId, "Grow", [("n", "INT", null)], [("series", "SERIES")]),
            TrafoJson.Component(DrawId, "Draw", [("series", "SERIES", null)], [("plot", "PLOTLYJSON")]),
            TrafoJson.Component(EchoId, "Echo", [("x", "ANY", null)], [("y", "ANY")]),
        })
        {
            _store.Import(TransformationReader.Read(trafo, trafo["name"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task CSharpComponentPastJobTimeout_AnsweredAtTheDeadline_NamingComponentAndSetting()
    {
        var engine = Engine(new ExecutionLimits { JobTimeout = TimeSpan.FromMilliseconds(300) });
        var clock = Stopwatch.StartNew();

        var result = await engine.ExecuteAsync(Job(BlockId, ("x", "1")), TestContext.Current.CancellationToken);

        // The component still blocks (C# code cannot be interrupted); the answer did not wait for it.
        Assert.False(_release.IsSet);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"answered after {clock.Elapsed}");
        var error = AssertLimit(result, LimitErrors.TimeoutErrorType, ProcessStage.EXECUTING_COMPONENT_CODE, ExecutionLimits.JobTimeoutSetting);
        Assert.Contains("while running 'Block'", error.Message, StringComparison.Ordinal);
        Assert.Equal("Block", error.OperatorInfo!.TransformationInfo.Name);
    }

    [Fact]
    public async Task ComponentOutputOverMaxValueCells_ValueTooLarge()
    {
        var engine = Engine(new ExecutionLimits { MaxValueCells = 10 });

        var ok = await engine.ExecuteAsync(Job(GrowId, ("n", "10")), TestContext.Current.CancellationToken);
        var failed = await engine.ExecuteAsync(Job(GrowId, ("n", "11")), TestContext.Current.CancellationToken);

        Assert.True(ok.Ok);
        var error = AssertLimit(failed, LimitErrors.ValueTooLargeErrorType, ProcessStage.EXECUTING_COMPONENT_CODE, ExecutionLimits.MaxValueCellsSetting);
        Assert.Equal("Component 'Grow' produced 11 values in output 'series', more than Runwire:Limits:MaxValueCells allows (10).", error.Message);
        Assert.Equal(11, error.ExtraInformation!["actual_value"]!.GetValue<long>());
    }

    [Fact]
    public async Task PlotOverMaxPlotPoints_RefusedWithoutRunningIt()
    {
        var engine = Engine(new ExecutionLimits { MaxPlotPoints = 10 });

        var failed = await engine.ExecuteAsync(Job(DrawId, ("series", Series(11))), TestContext.Current.CancellationToken);
        var ok = await engine.ExecuteAsync(Job(DrawId, ("series", Series(10))), TestContext.Current.CancellationToken);

        var error = AssertLimit(failed, LimitErrors.PlotTooLargeErrorType, ProcessStage.EXECUTING_COMPONENT_CODE, ExecutionLimits.MaxPlotPointsSetting);
        Assert.Equal("Draw", error.OperatorInfo!.TransformationInfo.Name);
        Assert.True(ok.Ok);
        Assert.Equal(["draw"], _calls);
    }

    [Fact]
    public async Task ResultOverMaxResultBytes_FailureWrittenWithinTheLimit()
    {
        var answering = new JobAnswering(Engine(new ExecutionLimits { MaxResultBytes = 4000 }));

        var answer = await answering.AnswerAsync(Job(EchoId, ("x", "\"" + new string('x', 10_000) + "\"")), TestContext.Current.CancellationToken);

        AssertLimit(answer.Result, LimitErrors.ResultTooLargeErrorType, ProcessStage.ENCODING_RESULTS_TO_JSON, ExecutionLimits.MaxResultBytesSetting);
        Assert.True(answer.Utf8!.Length < 4000);
        Assert.Contains("\"ResultTooLargeError\"", System.Text.Encoding.UTF8.GetString(answer.Utf8), StringComparison.Ordinal);
        Assert.Equal(answer.Utf8, answer.ToUtf8());
    }

    public void Dispose()
    {
        _release.Set();
        _release.Dispose();
    }

    private static ExecutionError AssertLimit(ExecutionResult result, string type, ProcessStage stage, string setting)
    {
        var error = Assert.IsType<ExecutionError>(result.Error);
        Assert.Equal(type, error.Type);
        Assert.Equal(stage, error.ProcessStage);
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
        Assert.Equal(setting, error.ExtraInformation!["limit"]!.GetValue<string>());
        Assert.Empty(result.Outputs);
        return error;
    }

    private ExecutionEngine Engine(ExecutionLimits limits) => new(_store, new ComponentRunners(new ComponentRegistry(
    [
        new Lambda(BlockId, i =>
        {
            _release.Wait(TimeSpan.FromSeconds(30));
            return new Dictionary<string, object?> { ["y"] = i["x"] };
        }),
        new Lambda(GrowId, i => new Dictionary<string, object?>
        {
            ["series"] = Core.Data.Series.FromValues(new Float64Column(new double[(long)i["n"]!])),
        }),
        new Lambda(DrawId, _ =>
        {
            _calls.Add("draw");
            return new Dictionary<string, object?> { ["plot"] = new JsonObject() };
        }),
        new Lambda(EchoId, i => new Dictionary<string, object?> { ["y"] = i["x"] }),
    ])), AdapterRegistry.Empty, limits);

    private static string Series(int points) =>
        new JsonObject(Enumerable.Range(0, points).Select(i => KeyValuePair.Create<string, JsonNode?>(
            new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            JsonValue.Create(i * 1.0)))).ToJsonString();

    private static ExecutionJob Job(Guid id, params (string Name, string Value)[] inputs) =>
        EngineFixture.Job(id, true, [.. inputs.Select(i => EngineFixture.Direct(i.Name, i.Value))], []);

    private sealed class Lambda(Guid id, Func<ComponentInputs, IReadOnlyDictionary<string, object?>> run) : IComponent
    {
        public Guid Id { get; } = id;

        public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) => run(inputs);
    }
}
