using System.Text.Json.Nodes;
using Runwire.Core.Contracts;
using Runwire.Core.Engine;
using Runwire.Core.Tests.Support;

namespace Runwire.Core.Tests.Engine;

public sealed class ExecutionEngineTests
{
    [Fact]
    public async Task Execute_ChainWithConstant_PassesValuesAlongLinks()
    {
        var f = new EngineFixture();
        var spec = new WorkflowSpec();
        var echo = spec.Operator("Echo", f.Components.Echo);
        var join = spec.Operator("Join", f.Components.Join);
        spec.Link(echo, "y", join, "a").Input("text", "STRING", echo, "x").Constant("STRING", "const", join, "b").Output("joined", "STRING", join, "out");
        var wf = TrafoJson.Workflow(Guid.NewGuid(), "Chain", spec);
        f.Add(wf);

        var result = await f.RunAsync(Guid.Parse(wf["id"]!.GetValue<string>()), false, ("text", "hello"));

        Assert.True(result.Ok, result.Error?.Message);
        Assert.Equal("hello-const", EngineFixture.Output(result, "joined"));
        Assert.Equal(["echo", "join"], f.Components.Calls);
    }

    [Fact]
    public async Task Execute_NestedWorkflow_OuterLinkOverridesInnerDefault()
    {
        var f = new EngineFixture();
        var inner = new WorkflowSpec();
        var join = inner.Operator("Join", f.Components.Join);
        inner.Input("a", "STRING", join, "a").Input("b", "STRING", join, "b", "inner-default").Output("out", "STRING", join, "out");
        var innerWf = TrafoJson.Workflow(Guid.NewGuid(), "Inner", inner);
        f.Add(innerWf);
        var outer = new WorkflowSpec();
        var nestedWithLink = outer.Operator("Nested 1", innerWf);
        var nestedWithoutLink = outer.Operator("Nested 2", innerWf);
        outer.Input("x", "STRING", nestedWithLink, "a").Input("y", "STRING", nestedWithLink, "b")
            .Input("z", "STRING", nestedWithoutLink, "a")
            .Output("overridden", "STRING", nestedWithLink, "out").Output("defaulted", "STRING", nestedWithoutLink, "out");
        var outerWf = TrafoJson.Workflow(Guid.NewGuid(), "Outer", outer);
        f.Add(outerWf);

        var result = await f.RunAsync(Guid.Parse(outerWf["id"]!.GetValue<string>()), false, ("x", "1"), ("y", "outer"), ("z", "2"));

        Assert.True(result.Ok, result.Error?.Message);
        Assert.Equal("1-outer", EngineFixture.Output(result, "overridden"));
        Assert.Equal("2-inner-default", EngineFixture.Output(result, "defaulted"));
    }

    [Fact]
    public async Task Execute_OptionalRootInputNotWired_UsesDefault()
    {
        var f = new EngineFixture();
        var spec = new WorkflowSpec();
        var join = spec.Operator("Join", f.Components.Join);
        spec.Input("a", "STRING", join, "a").Input("b", "STRING", join, "b", "dflt").Output("out", "STRING", join, "out");
        var wf = TrafoJson.Workflow(Guid.NewGuid(), "Defaults", spec);
        f.Add(wf);
        var id = Guid.Parse(wf["id"]!.GetValue<string>());

        var unwired = await f.RunAsync(id, false, ("a", "x"));
        var useDefault = await f.RunAsync(id, false,
            [EngineFixture.Direct("a", "x"), EngineFixture.Direct("b", "ignored") with { UseDefaultValue = true }], []);
        var wired = await f.RunAsync(id, false, ("a", "x"), ("b", "given"));

        Assert.Equal("x-dflt", EngineFixture.Output(unwired, "out"));
        Assert.Equal("x-dflt", EngineFixture.Output(useDefault, "out"));
        Assert.Equal("x-given", EngineFixture.Output(wired, "out"));
    }

    [Fact]
    public async Task Execute_PlotOnlyOperator_SkippedUnlessPlotsRequested()
    {
        var f = new EngineFixture();
        var spec = new WorkflowSpec();
        var plot = spec.Operator("Plot", f.Components.Plot);
        spec.Input("x", "STRING", plot, "x").Output("figure", "PLOTLYJSON", plot, "plot");
        var wf = TrafoJson.Workflow(Guid.NewGuid(), "Plots", spec);
        f.Add(wf);
        var id = Guid.Parse(wf["id"]!.GetValue<string>());

        var off = await f.RunAsync(id, false, ("x", "v"));
        Assert.Empty(f.Components.Calls);
        var on = await f.RunAsync(id, true, ("x", "v"));

        Assert.Equal("{}", ((JsonObject)EngineFixture.Output(off, "figure")!).ToJsonString());
        Assert.Equal("""{"data":["v"]}""", ((JsonObject)EngineFixture.Output(on, "figure")!).ToJsonString());
        Assert.Equal(["plot"], f.Components.Calls);
    }

    [Fact]
    public async Task Execute_UnconnectedOperator_StillRuns()
    {
        var f = new EngineFixture();
        var spec = new WorkflowSpec();
        var echo = spec.Operator("Echo", f.Components.Echo);
        var sink = spec.Operator("Sink", f.Components.Sink);
        spec.Input("x", "STRING", echo, "x").Input("s", "STRING", sink, "x").Output("y", "ANY", echo, "y");
        var wf = TrafoJson.Workflow(Guid.NewGuid(), "Side effects", spec);
        f.Add(wf);

        var result = await f.RunAsync(Guid.Parse(wf["id"]!.GetValue<string>()), false, ("x", "1"), ("s", "2"));

        Assert.True(result.Ok, result.Error?.Message);
        Assert.Equal(["echo", "sink"], f.Components.Calls);
    }

    [Fact]
    public async Task Execute_ComponentRaises_FailureWithHierarchyAndErrorCode()
    {
        var f = new EngineFixture();
        var inner = new WorkflowSpec();
        var fail = inner.Operator("Failing step", f.Components.Fail);
        inner.Input("x", "STRING", fail, "x").Output("y", "ANY", fail, "y");
        var innerWf = TrafoJson.Workflow(Guid.NewGuid(), "Inner", inner);
        f.Add(innerWf);
        var outer = new WorkflowSpec();
        var nested = outer.Operator("Nested", innerWf);
        outer.Input("x", "STRING", nested, "x").Output("y", "ANY", nested, "y");
        var outerWf = TrafoJson.Workflow(Guid.NewGuid(), "Outer", outer);
        f.Add(outerWf);

        var result = await f.RunAsync(Guid.Parse(outerWf["id"]!.GetValue<string>()), false, ("x", "1"));

        var error = Assert.IsType<ExecutionError>(result.Error);
        Assert.Equal("ComponentException", error.Type);
        Assert.Equal(ProcessStage.EXECUTING_COMPONENT_CODE, error.ProcessStage);
        Assert.Equal(404L, error.ErrorCode);
        Assert.Equal("test", error.ExtraInformation!["hint"]!.GetValue<string>());
        Assert.Equal(["Outer", "Nested", "Failing step"], error.OperatorInfo!.HierarchyByName);
        Assert.Equal(f.Components.FailId.ToString(), error.OperatorInfo.TransformationInfo.Id);
        Assert.Empty(result.Outputs);
        Assert.Equal("y", Assert.Single(result.OutputTypes).Key);
    }

    [Fact]
    public async Task Execute_WorkflowNestsItself_FailureAtParsingWorkflowInsteadOfStackOverflow()
    {
        var f = new EngineFixture();
        var id = Guid.NewGuid();
        f.Add(TrafoJson.Nesting(id, "Ouroboros", id));

        var result = await f.RunAsync(id);

        var error = Assert.IsType<ExecutionError>(result.Error);
        Assert.Equal("WorkflowParsingException", error.Type);
        Assert.Equal(ProcessStage.PARSING_WORKFLOW, error.ProcessStage);
        Assert.Contains("nested more than 64 levels deep", error.Message, StringComparison.Ordinal);
        Assert.Contains("a workflow that contains itself", error.Message, StringComparison.Ordinal);
        Assert.Equal(66, error.OperatorInfo!.HierarchyByName.Count);
    }

    [Fact]
    public async Task Execute_TwoWorkflowsNestEachOther_FailureAtParsingWorkflow()
    {
        var f = new EngineFixture();
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        f.Add(TrafoJson.Nesting(a, "A", b));
        f.Add(TrafoJson.Nesting(b, "B", a));

        var result = await f.RunAsync(a);

        Assert.Equal("WorkflowParsingException", result.Error!.Type);
        Assert.Equal(ProcessStage.PARSING_WORKFLOW, result.Error.ProcessStage);
    }

    [Fact]
    public async Task Execute_NestedToTheDepthLimit_RunsAndOneLevelMoreFails()
    {
        var f = new EngineFixture();
        var inner = new WorkflowSpec();
        inner.Constant("ANY", "1", inner.Operator("Echo", f.Components.Echo), "x");
        var level = Guid.NewGuid();
        f.Add(TrafoJson.Workflow(level, "Level 0", inner));
        var levels = new List<Guid> { level };
        for (var i = 1; i <= 65; i++)
        {
            levels.Add(Guid.NewGuid());
            f.Add(TrafoJson.Nesting(levels[i], $"Level {i}", levels[i - 1]));
        }

        var atLimit = await f.RunAsync(levels[64]);
        var beyond = await f.RunAsync(levels[65]);

        Assert.True(atLimit.Ok, atLimit.Error?.Message);
        Assert.Equal(["echo"], f.Components.Calls);
        Assert.Equal("WorkflowParsingException", beyond.Error!.Type);
    }

    [Fact]
    public async Task Execute_ComponentRaises_TracebackHasTheComponentFrameAndNoDotNetFrames()
    {
        var f = new EngineFixture();

        var result = await f.RunAsync(f.Components.FailId, false, ("x", "1"));

        var location = result.Error!.Location!;
        Assert.Equal($"Traceback (most recent call last):\n  File \"COMPONENT CODE\", line {location.LineNumber}, in main\n"
            + $"    component 'Fail' ({location.FunctionName})\nComponentException: boom", result.Traceback);
        Assert.DoesNotContain(".cs", result.Traceback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_FailureOutsideComponentCode_TracebackIsTheErrorLine()
    {
        var f = new EngineFixture();

        var result = await f.RunAsync(f.Components.EchoId, false, [new InputWiring("x", AdapterId.DirectProvisioning)], []);

        Assert.Equal("AdapterClientWiringInvalidError: Direct Input Provisioning without 'value' field in filters", result.Traceback);
    }

    [Fact]
    public async Task Execute_UnsupportedComponent_FailsBeforeAnythingRuns()
    {
        var f = new EngineFixture();
        var spec = new WorkflowSpec();
        var echo = spec.Operator("Echo", f.Components.Echo);
        var keras = spec.Operator("Keras", f.Components.Unsupported);
        spec.Input("x", "STRING", echo, "x").Link(echo, "y", keras, "x").Output("y", "ANY", keras, "y");
        var wf = TrafoJson.Workflow(Guid.NewGuid(), "Needs Keras", spec);
        f.Add(wf);

        var result = await f.RunAsync(Guid.Parse(wf["id"]!.GetValue<string>()), false, ("x", "1"));

        Assert.Equal("ComponentNotSupportedError", result.Error!.Type);
        Assert.Equal(ProcessStage.PARSING_WORKFLOW, result.Error.ProcessStage);
        Assert.Contains("needs a Keras model", result.Error.Message, StringComparison.Ordinal);
        Assert.Empty(f.Components.Calls);
    }

    [Fact]
    public async Task Execute_ComponentWithoutImplementation_NodeFunctionLoadingError()
    {
        var f = new EngineFixture();

        var result = await f.RunAsync(f.Components.UnimplementedId, false, ("x", "1"));

        Assert.Equal("NodeFunctionLoadingError", result.Error!.Type);
        Assert.Equal(ProcessStage.PARSING_WORKFLOW, result.Error.ProcessStage);
    }

    [Fact]
    public async Task Execute_OperatorReferencesMissingTransformation_NotFound()
    {
        var f = new EngineFixture();
        var ghost = TrafoJson.Component(Guid.NewGuid(), "Ghost", [("x", "ANY", null)], [("y", "ANY")]);
        var spec = new WorkflowSpec();
        var op = spec.Operator("Ghost", ghost);
        spec.Input("x", "STRING", op, "x").Output("y", "ANY", op, "y");
        var wf = TrafoJson.Workflow(Guid.NewGuid(), "Dangling", spec);
        f.Add(wf);

        await Assert.ThrowsAsync<TransformationNotFoundException>(() => f.RunAsync(Guid.Parse(wf["id"]!.GetValue<string>()), false, ("x", "1")));
    }

    [Fact]
    public async Task Execute_BadConstant_ParsingWorkflowFailure()
    {
        var f = new EngineFixture();
        var spec = new WorkflowSpec();
        var echo = spec.Operator("Echo", f.Components.Echo);
        spec.Constant("INT", "not a number", echo, "x").Output("y", "ANY", echo, "y");
        var wf = TrafoJson.Workflow(Guid.NewGuid(), "Bad constant", spec);
        f.Add(wf);

        var result = await f.RunAsync(Guid.Parse(wf["id"]!.GetValue<string>()));

        Assert.Equal("WorkflowInputDataValidationError", result.Error!.Type);
        Assert.Equal(ProcessStage.PARSING_WORKFLOW, result.Error.ProcessStage);
        Assert.Equal("Some constant values could not be parsed into the respective workflow input datatypes.", result.Error.Message);
    }

    [Fact]
    public async Task Execute_UnparsableInput_ParsingLoadedDataFailure()
    {
        var f = new EngineFixture();
        var spec = new WorkflowSpec();
        var echo = spec.Operator("Echo", f.Components.Echo);
        spec.Input("n", "INT", echo, "x").Output("y", "ANY", echo, "y");
        var wf = TrafoJson.Workflow(Guid.NewGuid(), "Typed", spec);
        f.Add(wf);

        var result = await f.RunAsync(Guid.Parse(wf["id"]!.GetValue<string>()), false, ("n", "abc"));

        Assert.Equal(ProcessStage.PARSING_LOADED_DATA, result.Error!.ProcessStage);
        Assert.Equal("WorkflowInputDataValidationError", result.Error.Type);
    }

    [Fact]
    public async Task Execute_OutputWiredToUnknownAdapter_SendingFailure()
    {
        var f = new EngineFixture();

        var result = await f.RunAsync(f.Components.EchoId, false,
            [EngineFixture.Direct("x", "1")],
            [new OutputWiring("y", new AdapterId("my-adapter", false), RefId: "somewhere", Type: "metadata(any)")]);

        Assert.Equal("AdapterHandlingException", result.Error!.Type);
        Assert.Equal(ProcessStage.SENDING_DATA_TO_ADAPTERS, result.Error.ProcessStage);
        Assert.Contains("my-adapter", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_DirectProvisioningWithoutValue_LoadingFailure()
    {
        var f = new EngineFixture();

        var result = await f.RunAsync(f.Components.EchoId, false,
            [new InputWiring("x", AdapterId.DirectProvisioning)], []);

        Assert.Equal("AdapterClientWiringInvalidError", result.Error!.Type);
        Assert.Equal("Direct Input Provisioning without 'value' field in filters", result.Error.Message);
        Assert.Equal(ProcessStage.LOADING_DATA_FROM_ADAPTERS, result.Error.ProcessStage);
    }

    [Fact]
    public async Task Execute_ComponentDirectly_WrappedLikeHetida()
    {
        var f = new EngineFixture();

        var result = await f.RunAsync(f.Components.FailId, false, ("x", "1"));

        Assert.Equal(["COMPONENT EXECUTION WRAPPER WORKFLOW", "Fail"], result.Error!.OperatorInfo!.HierarchyByName);
        var ids = result.Error.OperatorInfo.HierarchyById;
        Assert.All(ids, id => Assert.True(Guid.TryParse(id, out _)));
        var again = await f.RunAsync(f.Components.FailId, false, ("x", "1"));
        Assert.NotEqual(ids[0], again.Error!.OperatorInfo!.HierarchyById[0]);
    }
}
