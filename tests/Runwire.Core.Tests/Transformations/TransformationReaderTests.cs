using System.Text;
using System.Text.Json.Nodes;
using Runwire.Core.Tests.Support;
using Runwire.Core.Transformations;

namespace Runwire.Core.Tests.Transformations;

public sealed class TransformationReaderTests
{
    private static readonly JsonObject Echo = TrafoJson.Component(Guid.NewGuid(), "Echo", [("x", "ANY", null)], [("y", "ANY")]);
    private static readonly JsonObject Number = TrafoJson.Component(Guid.NewGuid(), "Number", [("x", "INT", null)], [("y", "INT")]);

    [Fact]
    public void Read_EveryHetidaExport_Imports()
    {
        var files = Directory.GetFiles(SharedPaths.HetidaTransformations, "*.json", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "index.json").ToList();

        var revisions = files.Select(f => TransformationReader.Read(File.ReadAllBytes(f), f)).ToList();

        Assert.Equal(115, revisions.Count);
        var rul = revisions.Single(r => r.Id == Guid.Parse("806df1b9-2fc8-4463-943f-3d258c569663"));
        Assert.Equal(["limit_violation_timestamp", "intercept", "slope", "rul_regression_result_plot"], rul.Outputs.Select(o => o.Name));
        Assert.Equal(5, rul.Workflow!.Operators.Count);
        Assert.Equal("5min", Assert.Single(rul.Workflow.Constants).Value);
    }

    [Fact]
    public void Read_CyclicLinks_RefusedWithHetidaMessage()
    {
        var spec = new WorkflowSpec();
        var a = spec.Operator("A", Echo);
        var b = spec.Operator("B", Echo);
        spec.Link(a, "y", b, "x").Link(b, "y", a, "x").Output("y", "ANY", b, "y");

        var error = Assert.Throws<TransformationImportException>(() => Read(TrafoJson.Workflow(Guid.NewGuid(), "Loop", spec)));

        Assert.Contains("Links may not form any loop!", error.Problems);
    }

    [Fact]
    public void Read_LinkBetweenMismatchedTypes_Refused()
    {
        var spec = new WorkflowSpec();
        var number = spec.Operator("Number", Number);
        var other = spec.Operator("Other", TrafoJson.Component(Guid.NewGuid(), "Text", [("x", "STRING", null)], [("y", "STRING")]));
        spec.Link(number, "y", other, "x").Input("n", "INT", number, "x").Output("y", "STRING", other, "y");

        var error = Assert.Throws<TransformationImportException>(() => Read(TrafoJson.Workflow(Guid.NewGuid(), "Mismatch", spec)));

        Assert.Contains(error.Problems, p => p.Contains("data types INT and STRING do not match", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_InputRefersToMissingOperator_Refused()
    {
        var spec = new WorkflowSpec();
        var echo = spec.Operator("Echo", Echo);
        spec.Input("x", "ANY", echo, "x").Output("y", "ANY", echo, "y");
        var wf = TrafoJson.Workflow(Guid.NewGuid(), "Dangling", spec);
        wf["content"]!["inputs"]![0]!["operator_id"] = Guid.NewGuid().ToString();

        var error = Assert.Throws<TransformationImportException>(() => Read(wf));

        Assert.Contains(error.Problems, p => p.Contains("refers to a missing operator input", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("{\"id\": \"x\"}")]
    [InlineData("{\"id\": 5, \"name\": \"\", \"type\": \"PLUGIN\", \"state\": \"NEW\"}")]
    public void Read_Garbage_ListsProblemsInsteadOfThrowingAnythingElse(string json)
    {
        var error = Assert.Throws<TransformationImportException>(() => TransformationReader.Read(Encoding.UTF8.GetBytes(json), "garbage"));

        Assert.NotEmpty(error.Problems);
    }

    [Fact]
    public void Read_ReleasedWithoutTimestampAndDraftWithOne_BothRefused()
    {
        var released = Echo.DeepClone().AsObject();
        released["released_timestamp"] = null;
        var draft = Echo.DeepClone().AsObject();
        draft["state"] = "DRAFT";

        Assert.Contains("released_timestamp is required for a RELEASED revision", Assert.Throws<TransformationImportException>(() => Read(released)).Problems);
        Assert.Contains("released_timestamp must be null for a DRAFT revision", Assert.Throws<TransformationImportException>(() => Read(draft)).Problems);
    }

    private static TransformationRevision Read(JsonObject json) => TransformationReader.Read(json, "test");
}
