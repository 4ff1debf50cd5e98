using System.Text.Json.Nodes;
using Runwire.Core.Components.Runners;
using Runwire.Core.Tests.Support;
using Runwire.Core.Transformations;
using Runwire.Python.Tests.Support;

namespace Runwire.Python.Tests.UserComponents;

/// <summary>
/// A workflow in which data crosses between the runners both ways: hetida's "Consecutive differences" (C#) feeds a
/// user's Python component, which feeds hetida's "Sum up Series" and "Pass Through (Series)" (C#). It answers as the
/// same workflow does with hetida's "Cumulative sum" (C#) in the middle, and as the mixed workflow does with every
/// component in Python.
/// </summary>
public sealed class MixedWorkflowTests(Support.Python python)
{
    private static readonly Guid ConsecutiveDifferences = Guid.Parse("ce801dcb-8ce1-14ad-029d-a14796dcac92");
    private static readonly Guid CumulativeSum = Guid.Parse("d2cc4c0d-303e-b0ad-fdba-73392e890b30");
    private static readonly Guid SumUpSeries = Guid.Parse("878d85a2-2cf5-235b-d260-fd94c734cec9");
    private static readonly Guid PassThroughSeries = Guid.Parse("bfa27afc-dea8-b8aa-4b15-94402f0739b6");

    private static readonly JsonObject RunningTotal = PythonComponent.Create("Running Total", [("data", "SERIES", null)], [("total", "SERIES")],
        """return {"total": data.sort_index().cumsum()}""");

    // Unsorted, with a gap: the differences drop it and sort, so every runner has real work to agree on.
    private const string Series = """
        {"2020-01-01T00:03:00.000Z": 10.25, "2020-01-01T00:00:00.000Z": 1.0, "2020-01-01T00:01:00.000Z": null, "2020-01-01T00:02:00.000Z": 4.5,
         "2020-01-01T00:04:00.000Z": 0.1}
        """;

    [Fact]
    public async Task CSharpToPythonToCSharp_Job_AnswersLikeTheAllCSharpWorkflow()
    {
        var store = Support.Python.Store(SharedPaths.HetidaTransformations);
        var mixed = Workflow(store, "Mixed Running Total", RunningTotal, "total");
        var csharp = Workflow(store, "CSharp Running Total", store.Export(CumulativeSum)!, "cum_sum");
        var engine = python.Engine(store);
        Assert.Equal([ComponentRunner.CSharp, ComponentRunner.Python, ComponentRunner.CSharp, ComponentRunner.CSharp],
            new[] { ConsecutiveDifferences, PythonComponent.Id(RunningTotal), SumUpSeries, PassThroughSeries }
                .Select(id => engine.Components.RunnerOf(store.Find(id)!)));

        var fromMixed = Jobs.Outputs(await Jobs.AnswerAsync(engine, mixed, ("series", Series)));
        var fromCSharp = Jobs.Outputs(await Jobs.AnswerAsync(engine, csharp, ("series", Series)));

        JsonAssert.Equivalent(fromCSharp, fromMixed, 1e-9);
        JsonAssert.Equivalent(JsonNode.Parse("""
            {"running": {"__hd_wrapped_data_object__": "SERIES", "__metadata__": {},
                         "__data__": {"name": null, "index": ["2020-01-01T00:02:00.000Z", "2020-01-01T00:03:00.000Z", "2020-01-01T00:04:00.000Z"],
                                      "data": [3.5, 9.25, -0.9]},
                         "__data_parsing_options__": {"orient": "split"}},
             "sum": 11.85}
            """), fromMixed, 1e-9);
    }

    [Fact]
    public async Task MixedWorkflow_EveryComponentInPython_AnswersTheSame()
    {
        var store = Support.Python.Store(SharedPaths.HetidaTransformations);
        var mixed = Workflow(store, "Mixed Running Total", RunningTotal, "total");

        var asMixed = Jobs.Outputs(await Jobs.AnswerAsync(python.Engine(store), mixed, ("series", Series)));
        var allPython = Jobs.Outputs(await Jobs.AnswerAsync(python.Engine(store, ComponentRunner.Python), mixed, ("series", Series)));

        JsonAssert.Equivalent(asMixed, allPython, 1e-9);
    }

    [Fact]
    public async Task PythonComponentRaisingInsideTheWorkflow_Job_NamesItsOperator()
    {
        var failing = PythonComponent.Create("Picky Total", [("data", "SERIES", null)], [("total", "SERIES")],
            """raise ValueError(f"{len(data)} differences are not enough")""");
        var store = Support.Python.Store(SharedPaths.HetidaTransformations);
        var workflow = Workflow(store, "Picky Workflow", failing, "total");

        var error = Jobs.Error(await Jobs.AnswerAsync(python.Engine(store), workflow, ("series", Series)));

        Assert.Equal("ValueError", error["type"]!.GetValue<string>());
        Assert.Equal("3 differences are not enough", error["message"]!.GetValue<string>());
        Assert.Equal("EXECUTING_COMPONENT_CODE", error["process_stage"]!.GetValue<string>());
        Assert.Equal(["Picky Workflow", "Running total"], error["operator_info"]!["hierarchy_in_workflow"]!["by_name"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("Picky Total", error["operator_info"]!["transformation_info"]!["name"]!.GetValue<string>());
    }

    /// <summary>
    /// series → Consecutive differences → <paramref name="middle"/> → Sum up Series ("sum") and Pass Through (Series)
    /// ("running"). hetida lets an operator output that is a workflow output have no other link, hence the pass-through.
    /// </summary>
    private static Guid Workflow(TransformationStore store, string name, JsonObject middle, string middleOutput)
    {
        store.Import(TransformationReader.Read(middle, middle["name"]!.GetValue<string>()));
        var spec = new WorkflowSpec();
        var differences = spec.Operator("Consecutive differences", store.Export(ConsecutiveDifferences)!);
        var running = spec.Operator("Running total", middle);
        var sum = spec.Operator("Sum up Series", store.Export(SumUpSeries)!);
        var pass = spec.Operator("Pass Through (Series)", store.Export(PassThroughSeries)!);
        spec.Link(differences, "diff", running, "data").Link(running, middleOutput, sum, "data").Link(running, middleOutput, pass, "input")
            .Input("series", "SERIES", differences, "data")
            .Output("running", "SERIES", pass, "output").Output("sum", "FLOAT", sum, "sum");
        var id = Guid.NewGuid();
        store.Import(TransformationReader.Read(TrafoJson.Workflow(id, name, spec), name));
        return id;
    }
}
