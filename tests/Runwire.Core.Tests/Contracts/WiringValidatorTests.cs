using System.Text;
using System.Text.Json.Nodes;
using Runwire.Core.Contracts;
using Runwire.Core.Data;

namespace Runwire.Core.Tests.Contracts;

public sealed class WiringValidatorTests
{
    private static readonly IoInput[] RulInputs =
        [new("inp_series", DataType.Series, true), new("limit", DataType.Float, true), new("num_days_forecast", DataType.Int, true)];

    private static readonly IoOutput[] RulOutputs =
    [
        new("limit_violation_timestamp", DataType.String), new("intercept", DataType.Float),
        new("slope", DataType.Float), new("rul_regression_result_plot", DataType.PlotlyJson),
    ];

    [Theory]
    [InlineData("fail-missing-required-wiring")]
    [InlineData("fail-wrong-wired-input-name")]
    [InlineData("fail-wrong-wired-output-name")]
    public void Complete_GoldenFailureCase_Gives422DetailWithHetidasHeadAndTail(string name)
    {
        var web = HetidaCases.Load(name)["expected"]!["web"]!;
        var job = JobDecoder.Decode(HetidaCases.RequestBytes(name));

        var error = Assert.Throws<WiringValidationException>(() => WiringValidator.Complete(job.Wiring!, RulInputs, RulOutputs));
        var detail = ValidationDetail.ForWiring(job.TransformationId!.Value, job, error);

        Assert.StartsWith(web["body_detail_startswith"]!.GetValue<string>(), detail, StringComparison.Ordinal);
        Assert.EndsWith(web["body_detail_endswith"]!.GetValue<string>(), detail, StringComparison.Ordinal);
        Assert.Equal(HetidaCases.Load(name)["expected"]!["kafka"]!["consumer_exception"]!["message"]!.GetValue<string>(), error.PydanticText);
    }

    [Fact]
    public void Complete_MissingRequiredInput_NamesTheFirstUnwiredInput()
    {
        var wiring = Wiring(inputs: ["limit"]);

        var error = Assert.Throws<WiringValidationException>(() => WiringValidator.Complete(wiring, RulInputs, RulOutputs));

        Assert.Equal("Wiring Incomplete: Workflow Input 'inp_series' has no wiring!", error.Message);
    }

    [Fact]
    public void Complete_MissingAndUnknownInputs_ReportsTheMissingOneFirstAsHetidaDoes()
    {
        var wiring = Wiring(inputs: ["limits", "inp_series", "num_days_forecast"]);

        var error = Assert.Throws<WiringValidationException>(() => WiringValidator.Complete(wiring, RulInputs, RulOutputs));

        Assert.Equal("Wiring Incomplete: Workflow Input 'limit' has no wiring!", error.Message);
    }

    [Fact]
    public void Complete_UnknownInputName_IsRefused()
    {
        var wiring = Wiring(inputs: ["inp_series", "limit", "num_days_forecast", "extra"]);

        var error = Assert.Throws<WiringValidationException>(() => WiringValidator.Complete(wiring, RulInputs, RulOutputs));

        Assert.Equal("Wiring does not match: There is no workflow input 'extra'!", error.Message);
    }

    [Fact]
    public void Complete_OptionalInputUnwiredOrWired_IsAccepted()
    {
        IoInput[] inputs = [new("a", DataType.Int, true), new("b", DataType.Int, false), new("c", DataType.Int, false)];

        var completed = WiringValidator.Complete(Wiring(inputs: ["a", "c"]), inputs, []);

        Assert.Equal(["a", "c"], completed.InputWirings.Select(w => w.WorkflowInputName));
    }

    [Fact]
    public void Complete_UnwiredOutputs_AppendsDirectProvisioningWiringsInTrafoOrder()
    {
        var wiring = Wiring(inputs: ["inp_series", "limit", "num_days_forecast"], outputs: ["slope"]);

        var completed = WiringValidator.Complete(wiring, RulInputs, RulOutputs);

        Assert.Equal(["slope", "limit_violation_timestamp", "intercept", "rul_regression_result_plot"],
            completed.OutputWirings.Select(w => w.WorkflowOutputName));
        Assert.All(completed.OutputWirings.Skip(1), w => Assert.Equal(new AdapterId("1", true), w.AdapterId));
        Assert.All(completed.OutputWirings, w => Assert.True(w.AdapterId.IsDirectProvisioning));
    }

    [Fact]
    public void Complete_UnknownOutputName_IsRefusedAndEchoesTheImplicitOutputs()
    {
        var wiring = Wiring(inputs: ["inp_series", "limit", "num_days_forecast"], outputs: ["slopes"]);

        var error = Assert.Throws<WiringValidationException>(() => WiringValidator.Complete(wiring, RulInputs, RulOutputs));

        Assert.Equal("Wiring does not match: There is no workflow output 'slopes'!", error.Message);
        Assert.Equal(5, error.EchoedWiring.OutputWirings.Count);
    }

    [Fact]
    public void ForWiring_UnknownOutput_EchoesTheRequestLikePythonJsonDumpsIndent2()
    {
        var body = """
            {"id": "806df1b9-2fc8-4463-943f-3d258c569663", "job_id": "00000000-0000-0000-0000-000000000002",
             "wiring": {"input_wirings": [{"workflow_input_name": "x", "adapter_id": "direct_provisioning", "filters": {"value": "1 é"}}],
                        "output_wirings": [{"workflow_output_name": "nope", "adapter_id": "direct_provisioning"}]}}
            """;
        var job = JobDecoder.Decode(Encoding.UTF8.GetBytes(body));
        var error = Assert.Throws<WiringValidationException>(
            () => WiringValidator.Complete(job.Wiring!, [new IoInput("x", DataType.Int, true)], [new IoOutput("a", DataType.Int)]));

        var detail = ValidationDetail.ForWiring(job.TransformationId!.Value, job, error);

        const string Echo = "{\n  \"id\": \"806df1b9-2fc8-4463-943f-3d258c569663\",\n  \"wiring\": {\n    \"input_wirings\": [\n      {\n        \"workflow_input_name\": \"x\",\n        \"adapter_id\": \"direct_provisioning\",\n        \"ref_id\": null,\n        \"ref_id_type\": null,\n        \"ref_key\": null,\n        \"type\": null,\n        \"use_default_value\": false,\n        \"filters\": {\n          \"value\": \"1 \\u00e9\"\n        }\n      }\n    ],\n    \"output_wirings\": [\n      {\n        \"workflow_output_name\": \"nope\",\n        \"adapter_id\": \"direct_provisioning\",\n        \"ref_id\": null,\n        \"ref_id_type\": null,\n        \"ref_key\": null,\n        \"type\": null,\n        \"filters\": {}\n      },\n      {\n        \"workflow_output_name\": \"a\",\n        \"adapter_id\": 1,\n        \"ref_id\": null,\n        \"ref_id_type\": null,\n        \"ref_key\": null,\n        \"type\": null,\n        \"filters\": {}\n      }\n    ],\n    \"dashboard_positionings\": []\n  },\n  \"run_pure_plot_operators\": false,\n  \"job_id\": \"00000000-0000-0000-0000-000000000002\"\n}";
        Assert.Equal("Could not validate execution input\n" + Echo + ":\n1 validation error for WorkflowExecutionInput\n__root__\n"
            + "  Wiring does not match: There is no workflow output 'nope'! (type=value_error)", detail);
    }

    [Fact]
    public void ForWiring_StoredTestWiringUsed_EchoesNullWiring()
    {
        var job = JobDecoder.Decode(HetidaCases.RequestBytes("rul-test-wiring-implicit-plots-off"));
        var error = new WiringValidationException("Wiring Incomplete: Workflow Input 'a' has no wiring!", WorkflowWiring.Empty);

        var detail = ValidationDetail.ForWiring(job.TransformationId!.Value, job, error);

        var echo = detail["Could not validate execution input\n".Length..detail.IndexOf(":\n1 validation", StringComparison.Ordinal)];
        Assert.Null(JsonNode.Parse(echo)!["wiring"]);
    }

    private static WorkflowWiring Wiring(string[] inputs, string[]? outputs = null) => new(
        [.. inputs.Select(n => new InputWiring(n, AdapterId.DirectProvisioning, Filters: new Dictionary<string, string> { ["value"] = "1" }))],
        [.. (outputs ?? []).Select(n => new OutputWiring(n, AdapterId.DirectProvisioning))]);
}
