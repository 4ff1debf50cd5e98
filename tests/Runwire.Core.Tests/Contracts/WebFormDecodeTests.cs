using System.Text;
using Runwire.Core.Contracts;
using static Runwire.Core.Tests.Contracts.Decoding;

namespace Runwire.Core.Tests.Contracts;

public sealed class WebFormDecodeTests
{
    private static readonly Guid PathId = Guid.Parse(TrafoId);

    private const string Example = """
        { "id": "4cdb2a4c-8a1e-4e4e-9d7c-0b7b0a0e0c11", "name": "STANDARD-WIRING",
          "inputWirings":  [ { "id": "5cdb2a4c-8a1e-4e4e-9d7c-0b7b0a0e0c11", "workflowInputName": "threshold", "adapterId": "direct_provisioning",
                               "refId": null, "refIdType": null, "refKey": null, "type": null,
                               "filters": { "value": "600.0" }, "value": null } ],
          "outputWirings": [ { "id": "6cdb2a4c-8a1e-4e4e-9d7c-0b7b0a0e0c11", "workflowOutputName": "score", "adapterId": "direct_provisioning",
                               "refId": null, "refIdType": null, "refKey": null, "type": null, "filters": {"ignored": "x"} } ] }
        """;

    private static ExecutionJob Decode(string body, string? plots = null, string? jobId = null) =>
        JobDecoder.DecodeWebForm(PathId, Encoding.UTF8.GetBytes(body), plots, jobId);

    private static JobDecodeException Fails(string body, string? plots = null, string? jobId = null) =>
        Assert.Throws<JobDecodeException>(() => Decode(body, plots, jobId));

    [Fact]
    public void DecodeWebForm_SpecExample_GivesAJobForThePathId()
    {
        var job = Decode(Example, "true", "00000000-0000-0000-0000-000000000003");

        Assert.Equal(JobFormat.WebForm, job.Format);
        Assert.Equal(PathId, job.TransformationId);
        Assert.True(job.RunPurePlotOperators);
        Assert.Equal((Guid.Parse("00000000-0000-0000-0000-000000000003"), true), (job.JobId, job.JobIdGiven));
        var input = Assert.Single(job.Wiring!.InputWirings);
        Assert.Equal(("threshold", "600.0", false), (input.WorkflowInputName, input.Filters["value"], input.UseDefaultValue));
        var output = Assert.Single(job.Wiring.OutputWirings);
        Assert.Equal("score", output.WorkflowOutputName);
        Assert.Empty(output.Filters); // to_output_wiring() drops output filters
    }

    [Fact]
    public void DecodeWebForm_NoQuery_DefaultsToNoPlotsAndAFreshJobId()
    {
        var job = Decode(Example);

        Assert.False(job.RunPurePlotOperators);
        Assert.False(job.JobIdGiven);
    }

    [Fact]
    public void DecodeWebForm_SnakeCaseKeys_AreNotTheWebForm()
    {
        var e = Fails("""{"input_wirings": [], "output_wirings": []}""");

        Assert.Equal("WiringFrontendDto", e.Model);
        Assert.Equal(["inputWirings|field required|value_error.missing", "outputWirings|field required|value_error.missing"], ErrorLines(e));
    }

    [Fact]
    public void DecodeWebForm_BadQueryAndBody_ReportsQueryFirstLikeFastApi()
    {
        var e = Fails("""{"inputWirings": [], "outputWirings": 5}""", "maybe", "nope");

        Assert.Equal(["query.run_pure_plot_operators|value could not be parsed to a boolean|type_error.bool",
            "query.job_id|value is not a valid uuid|type_error.uuid", "outputWirings|value is not a valid list|type_error.list"], ErrorLines(e));
    }

    [Fact]
    public void DecodeWebForm_IgnoredFieldsOfWrongType_AreStillValidated()
    {
        var e = Fails("""{"id": "x", "inputWirings": [{"workflowInputName": "a", "adapterId": 1, "value": {}}], "outputWirings": []}""");

        Assert.Equal(["id|value is not a valid uuid|type_error.uuid", "inputWirings.0.value|str type expected|type_error.str"], ErrorLines(e));
    }

    [Fact]
    public void DecodeWebForm_FilterRules_ApplyWhenConvertedToInputWirings()
    {
        var e = Fails("""{"inputWirings": [{"workflowInputName": "a", "adapterId": 1, "filters": {"c": "1", "to": [1]}}], "outputWirings": []}""");

        Assert.Equal(["inputWirings.0.filters.__key__|string does not match regex \"^[a-zA-Z]\\w+$\"|value_error.str.regex",
            "inputWirings.0.filters.to|str type expected|type_error.str"], ErrorLines(e));
    }

    [Fact]
    public void DecodeWebForm_MetadataTypeOnInput_UsesHetidasOutputWiringMessage()
    {
        var e = Fails("""{"inputWirings": [{"workflowInputName": "a", "adapterId": "x", "type": "metadata(float)"}], "outputWirings": []}""");

        Assert.Equal(["inputWirings.0.type|metadata datatype in OutputWiring requires additional fields \"ref_id_type\" and \"ref_key\". At least one of them is missing.|value_error"], ErrorLines(e));
    }

    [Fact]
    public void DecodeWebForm_UnregisteredIntegerAdapters_AreRefused()
    {
        var e = Fails("""{"inputWirings": [{"workflowInputName": "a", "adapterId": 3}], "outputWirings": [{"workflowOutputName": "b", "adapterId": 4}]}""");

        Assert.Equal(["inputWirings.0.adapterId|Adapter with id 3 is not known / not registered as source adapter.|value_error",
            "outputWirings.0.adapterId|Adapter with id 4 is not known / not registered as sink adapter.|value_error"], ErrorLines(e));
    }

    [Fact]
    public void DecodeWebForm_NotJson_IsADecodeErrorCarryingTheQueryJobId()
    {
        var e = Fails("{", jobId: "00000000-0000-0000-0000-000000000009");

        Assert.Equal("value_error.jsondecode", e.Errors[0].Type);
        Assert.Equal(Guid.Parse("00000000-0000-0000-0000-000000000009"), e.JobIdHint);
    }
}
