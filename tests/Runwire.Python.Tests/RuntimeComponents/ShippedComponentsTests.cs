using System.Text.Json.Nodes;
using Runwire.Core.Components.Runners;
using Runwire.Core.Engine;
using Runwire.Python.Tests.Support;

namespace Runwire.Python.Tests.RuntimeComponents;

/// <summary>
/// hetida's whole shipped component library, run on each component's stored test wiring with hetida's original code in
/// the worker pool (<c>Prefer=python</c>), answers as hetida's own backend answered (Data/runtime-components.json).
/// </summary>
public sealed class ShippedComponentsTests(Support.Python python)
{
    private static ExecutionEngine? _engine;

    // Where Runwire knowingly answers differently, by component id: the error field Runwire's value is pinned, and
    // everything else of the answer is compared with hetida's.
    private static readonly Dictionary<string, (string Field, string Runwire)> KnownDeviations = new()
    {
        // ExampleClass returns a class object. hetida's message is what FastAPI's jsonable_encoder raises while walking
        // the class's __dict__ (its first getset_descriptor); Runwire's names the output that cannot be encoded.
        ["fd0464cb-4691-4ce1-bb2b-9efbcc7626f4"] = ("message", "Output 'ExampleClass' of type type cannot be encoded to JSON."),
    };

    public static IEnumerable<TheoryDataRow<string>> ComponentsHetidaRan => Support.RuntimeComponents.WithExpectation.Select(e =>
        new TheoryDataRow<string>(e["file"]!.GetValue<string>()));

    [Fact]
    public void ExpectationsFile_CoversTheLibrary_33Of165ComponentsRanInHetida21JsonAnd12Py()
    {
        var entries = Support.RuntimeComponents.Entries.ToList();
        var ran = Support.RuntimeComponents.WithExpectation.ToList();

        Assert.Equal(Support.RuntimeComponents.ComponentFiles.Order(StringComparer.Ordinal), entries.Select(e => e["file"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(165, entries.Count);
        Assert.Equal(33, ran.Count);
        Assert.Equal(12, ran.Count(Support.RuntimeComponents.IsPyModule));
    }

    [Theory]
    [MemberData(nameof(ComponentsHetidaRan))]
    public async Task ShippedComponent_OnItsTestWiringInPython_AnswersLikeHetida(string file)
    {
        var entry = Support.RuntimeComponents.Entry(file);
        var engine = _engine ??= python.Engine(Support.Python.Store(Support.RuntimeComponents.Directory), ComponentRunner.Python);
        var revision = engine.Store.Find(Guid.Parse(entry["id"]!.GetValue<string>()));
        Assert.NotNull(revision);
        Assert.Equal(ComponentRunner.Python, engine.Components.RunnerOf(revision));

        var actual = await Jobs.AnswerAsync(engine, Support.RuntimeComponents.Request(entry));

        var expected = entry["expected"]!.AsObject();
        if (expected["result_not_golden"] is JsonArray why)
        {
            // hetida's own result depends on the environment (e.g. a failure raised inside plotly): only the job's
            // identity and declared output types are fixed.
            TestContext.Current.TestOutputHelper?.WriteLine($"result not golden: {why.ToJsonString()}; got {actual["result"]} {actual["error"]?["type"]}");
            Assert.Equal(expected["job_id"]!.GetValue<string>(), actual["job_id"]!.GetValue<string>());
            Assert.Equal(expected["output_types_by_output_name"]!.ToJsonString(), actual["output_types_by_output_name"]!.ToJsonString());
            return;
        }
        if (KnownDeviations.TryGetValue(entry["id"]!.GetValue<string>(), out var deviation))
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"known deviation: error.{deviation.Field} is Runwire's '{deviation.Runwire}', hetida's {expected["error"]![deviation.Field]}");
            expected = expected.DeepClone().AsObject();
            expected["error"]![deviation.Field] = deviation.Runwire;
        }
        HetidaAnswer.AssertSame(expected, actual, Support.RuntimeComponents.Tolerance);
    }
}
