using Runwire.Core.Contracts;
using static Runwire.Core.Tests.Contracts.Decoding;

namespace Runwire.Core.Tests.Contracts;

public sealed class ExecInputDecodeTests
{
    private const string Volatility = """
        {"id": "79ce1eb1-3ef8-4c74-9114-c856fd88dc89", "run_pure_plot_operators": false,
         "wiring": {"input_wirings": [
           {"workflow_input_name": "window_size", "adapter_id": "direct_provisioning", "filters": {"value": "180min"}},
           {"workflow_input_name": "window_timestamp_location", "adapter_id": "direct_provisioning", "filters": {"value": "center"}},
           {"workflow_input_name": "input_series", "adapter_id": "direct_provisioning",
            "filters": {"value": "{\"2018-05-19T22:20:00.000Z\":86.9358994238,\"2018-05-22T06:10:00.000Z\":924.0958121497}"}},
           {"workflow_input_name": "threshold", "adapter_id": "direct_provisioning", "filters": {"value": "600.0"}}],
          "output_wirings": [
           {"workflow_output_name": "score", "adapter_id": "direct_provisioning"},
           {"workflow_output_name": "data_and_alerts", "adapter_id": "direct_provisioning"}]},
         "job_id": "00000000-0000-0000-0000-000000000002"}
        """;

    [Fact]
    public void Decode_VolatilityKafkaMessage_GivesTheWiredJob()
    {
        var job = Decode(Volatility);

        Assert.Equal(JobFormat.ExecById, job.Format);
        Assert.Equal(Guid.Parse("79ce1eb1-3ef8-4c74-9114-c856fd88dc89"), job.TransformationId);
        Assert.Equal(Guid.Parse("00000000-0000-0000-0000-000000000002"), job.JobId);
        Assert.False(job.RunPurePlotOperators);
        Assert.Equal(["window_size", "window_timestamp_location", "input_series", "threshold"], job.Wiring!.InputWirings.Select(w => w.WorkflowInputName));
        Assert.Equal("180min", job.Wiring.InputWirings[0].Filters["value"]);
        Assert.Equal("600.0", job.Wiring.InputWirings[3].Filters["value"]);
        Assert.All(job.Wiring.InputWirings, w => Assert.True(w.AdapterId.IsDirectProvisioning));
        Assert.Equal(["score", "data_and_alerts"], job.Wiring.OutputWirings.Select(w => w.WorkflowOutputName));
    }

    [Fact]
    public void Decode_RevisionGroupIdInsteadOfId_GivesAnExecuteLatestJob()
    {
        var job = Decode(Volatility.Replace("\"id\"", "\"revision_group_id\"", StringComparison.Ordinal));

        Assert.Equal(JobFormat.ExecLatestByGroupId, job.Format);
        Assert.Null(job.TransformationId);
        Assert.Equal(Guid.Parse("79ce1eb1-3ef8-4c74-9114-c856fd88dc89"), job.RevisionGroupId);
    }

    [Fact]
    public void Decode_BothIdAndRevisionGroupId_PrefersExecByIdLikeHetida()
    {
        var job = Decode($$"""{"id": "{{TrafoId}}", "revision_group_id": "not checked"}""");

        Assert.Equal(JobFormat.ExecById, job.Format);
    }

    [Fact]
    public void Decode_NoJobId_GeneratesAFreshOne()
    {
        var first = Decode($$"""{"id": "{{TrafoId}}"}""");
        var second = Decode($$"""{"id": "{{TrafoId}}"}""");

        Assert.False(first.JobIdGiven);
        Assert.NotEqual(Guid.Empty, first.JobId);
        Assert.NotEqual(first.JobId, second.JobId);
    }

    [Fact]
    public void Decode_UnknownKeysInCurrentFormat_AreIgnored()
    {
        var job = Decode($$$"""{"id": "{{{TrafoId}}}", "execution_id": null, "response": null, "wiring": {"input_wirings": [{"id": "x", "workflow_input_name": "a", "adapter_id": 1, "value": 3}]}}""");

        Assert.Equal("a", job.Wiring!.InputWirings[0].WorkflowInputName);
    }

    [Fact]
    public void Decode_ExecuteLatestWithoutWiring_ReportsTheMissingWiring()
    {
        var e = Fails("""{"revision_group_id": "9fb25660-ad44-48c9-810a-0badc153e192"}""");

        Assert.Equal("ExecLatestByGroupIdInput", e.Model);
        Assert.Equal(["wiring|field required|value_error.missing"], ErrorLines(e));
    }

    [Fact]
    public void DecodeExecLatest_NullWiring_IsNotAllowed()
    {
        var e = Assert.Throws<JobDecodeException>(() => JobDecoder.DecodeExecLatest(
            """{"revision_group_id": "9fb25660-ad44-48c9-810a-0badc153e192", "wiring": null}"""u8));

        Assert.Equal(["wiring|none is not an allowed value|type_error.none.not_allowed"], ErrorLines(e));
    }

    [Fact]
    public void DecodeExecById_ExecuteLatestPayload_ReportsMissingId()
    {
        var e = Assert.Throws<JobDecodeException>(() => JobDecoder.DecodeExecById(
            """{"revision_group_id": "9fb25660-ad44-48c9-810a-0badc153e192", "wiring": {}}"""u8));

        Assert.Equal(["id|field required|value_error.missing"], ErrorLines(e));
    }

    [Fact]
    public void Decode_DuplicateKeys_LastOneWinsAsInPython()
    {
        Assert.Equal(["id|value is not a valid uuid|type_error.uuid"], ErrorLines(Fails($$"""{"id": "{{TrafoId}}", "id": 3}""")));
    }

    [Fact]
    public void Decode_NullJobId_IsNotAllowed()
    {
        Assert.Equal(["job_id|none is not an allowed value|type_error.none.not_allowed"],
            ErrorLines(Fails($$"""{"id": "{{TrafoId}}", "job_id": null}""")));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"\"")]
    [InlineData("[[\"input_wirings\", []]]")]
    public void Decode_WiringGivenAsEmptyPairsOrString_IsAnEmptyWiringLikePythonDict(string wiring)
    {
        var job = Decode($$"""{"id": "{{TrafoId}}", "wiring": {{wiring}}}""");

        Assert.Empty(job.Wiring!.InputWirings);
    }

    [Fact]
    public void Decode_PayloadAsListOfPairs_IsAcceptedLikePydanticParseObj()
    {
        Assert.Equal(Guid.Parse(TrafoId), Decode($$"""[["id", "{{TrafoId}}"]]""").TransformationId);
    }
}
