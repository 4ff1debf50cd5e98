using Runwire.Core.Contracts;
using static Runwire.Core.Tests.Contracts.Decoding;

namespace Runwire.Core.Tests.Contracts;

public sealed class LegacyDecodeTests
{
    private const string Example = """
        {
          "workflowId": "806df1b9-2fc8-4463-943f-3d258c569663",
          "configuration": {"engine": "plain", "name": "806df1b9-2fc8-4463-943f-3d258c569663", "run_pure_plot_operators": true},
          "workflow_wiring": {
            "input_wirings": [ { "workflow_input_name": "limit", "adapter_id": "direct_provisioning",
                                 "filters": { "value": "1.3" }, "source_id": null } ],
            "output_wirings": [ { "workflow_output_name": "intercept", "adapter_id": "direct_provisioning", "sink_id": null } ]
          }
        }
        """;

    [Fact]
    public void Decode_SpecExample_GivesALegacyJob()
    {
        var job = Decode(Example);

        Assert.Equal(JobFormat.Legacy, job.Format);
        Assert.Equal(Guid.Parse(TrafoId), job.TransformationId);
        Assert.True(job.RunPurePlotOperators);
        Assert.False(job.JobIdGiven);
        var input = Assert.Single(job.Wiring!.InputWirings);
        Assert.Equal(("limit", "1.3", null), (input.WorkflowInputName, input.Filters["value"], input.RefId));
        Assert.True(input.AdapterId.IsDirectProvisioning);
        Assert.Equal("intercept", Assert.Single(job.Wiring.OutputWirings).WorkflowOutputName);
    }

    [Fact]
    public void Decode_SourceAndSinkIds_BecomeRefIds()
    {
        var job = Decode(Example.Replace("\"source_id\": null", "\"source_id\": \"plant.temp\"", StringComparison.Ordinal)
            .Replace("\"sink_id\": null", "\"sink_id\": \"plant.out\"", StringComparison.Ordinal));

        Assert.Equal("plant.temp", job.Wiring!.InputWirings[0].RefId);
        Assert.Equal("plant.out", job.Wiring.OutputWirings[0].RefId);
    }

    [Fact]
    public void Decode_UnknownKey_IsRefusedLikeJackson()
    {
        var e = Fails(Example.Replace("\"source_id\": null", "\"source_id\": null, \"ref_key\": \"k\"", StringComparison.Ordinal));

        Assert.Equal("WiredExecutionDTO", e.Model);
        Assert.Equal(["workflow_wiring.input_wirings.0.ref_key|extra fields not permitted|value_error.extra"], ErrorLines(e));
    }

    [Fact]
    public void Decode_NullConfiguration_IsRefused()
    {
        var e = Fails(Example.Replace("\"configuration\": {\"engine\": \"plain\", \"name\": \"806df1b9-2fc8-4463-943f-3d258c569663\", \"run_pure_plot_operators\": true}", "\"configuration\": null", StringComparison.Ordinal));

        Assert.Equal(["configuration|none is not an allowed value|type_error.none.not_allowed"], ErrorLines(e));
    }

    [Fact]
    public void Decode_WithoutConfigurationAndWorkflowId_ReportsBoth()
    {
        var e = Fails("""{"workflow_wiring": {"input_wirings": [], "output_wirings": []}}""");

        Assert.Equal(["workflowId|field required|value_error.missing", "configuration|field required|value_error.missing"], ErrorLines(e));
    }

    [Theory]
    [InlineData("\"True\"", true)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("null", false)]
    [InlineData("\"\"", false)]
    public void Decode_RunPurePlotOperators_IsReadAsJavasPrimitiveBoolean(string value, bool expected)
    {
        var job = Decode(Example.Replace("\"run_pure_plot_operators\": true", $"\"run_pure_plot_operators\": {value}", StringComparison.Ordinal));

        Assert.Equal(expected, job.RunPurePlotOperators);
    }

    [Fact]
    public void Decode_NumericAdapterIdAndFilterValue_AreStringsLikeJackson()
    {
        var job = Decode(Example.Replace("\"adapter_id\": \"direct_provisioning\",\n                     ", "\"adapter_id\": 1,", StringComparison.Ordinal)
            .Replace("{ \"value\": \"1.3\" }", "{ \"value\": 1.5, \"other\": null }", StringComparison.Ordinal));

        Assert.Equal(new AdapterId("1", false), job.Wiring!.InputWirings[0].AdapterId);
        Assert.Equal(["1.5", ""], job.Wiring.InputWirings[0].Filters.Values);
    }

    [Fact]
    public void Decode_UnknownEngineAndBadName_AreRefused()
    {
        var e = Fails(Example.Replace("\"engine\": \"plain\", \"name\": \"806df1b9-2fc8-4463-943f-3d258c569663\"", "\"engine\": \"spark\", \"name\": \"x\"", StringComparison.Ordinal));

        Assert.Equal(["configuration.engine|value is not a valid enumeration member; permitted: 'plain'|type_error.enum",
            "configuration.name|value is not a valid uuid|type_error.uuid"], ErrorLines(e));
    }

    [Fact]
    public void Decode_InvalidNameAndDuplicate_FollowTheRuntimesRules()
    {
        var bad = Fails(Example.Replace("\"limit\"", "\"2x\"", StringComparison.Ordinal));
        var duplicate = Fails(Example.Replace("[ { \"workflow_input_name\": \"limit\"", "[ {\"workflow_input_name\": \"limit\", \"adapter_id\": \"a\"}, { \"workflow_input_name\": \"limit\"", StringComparison.Ordinal));

        Assert.Equal(["workflow_wiring.input_wirings.0.workflow_input_name|2x is not a valid Python identifier|value_error"], ErrorLines(bad));
        Assert.Equal(["workflow_wiring.input_wirings|Duplicates in workflow input names occuring in the input wirings not allowed.|value_error"], ErrorLines(duplicate));
    }

    [Fact]
    public void Decode_Base64WorkflowId_IsAcceptedLikeJacksonsUuidDeserializer()
    {
        var job = Decode(Example.Replace("\"workflowId\": \"806df1b9-2fc8-4463-943f-3d258c569663\"", "\"workflowId\": \"gG3xuS/IRGOUPz0ljFaWYw==\"", StringComparison.Ordinal));

        Assert.Equal(Guid.Parse(TrafoId), job.TransformationId);
    }
}
