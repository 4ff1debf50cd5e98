using System.Text.Json.Nodes;
using Runwire.Core.Contracts;
using Runwire.Core.Data;
using static Runwire.Core.Tests.Contracts.Decoding;

namespace Runwire.Core.Tests.Contracts;

public sealed class FailureResultsTests
{
    private static JsonNode Written(ExecutionResult result) => JsonNode.Parse(ResultWriter.ToUtf8(result))!;

    [Fact]
    public void DecodeFailed_InvalidPayloadWithJobId_AnswersFailureForThatJob()
    {
        var e = Fails("{\"id\": 5, \"job_id\": \"00000000-0000-0000-0000-000000000007\", \"run_pure_plot_operators\": \"x\"}");

        var json = Written(FailureResults.DecodeFailed(e));

        Assert.Equal("failure", json["result"]!.GetValue<string>());
        Assert.Equal("00000000-0000-0000-0000-000000000007", json["job_id"]!.GetValue<string>());
        var error = json["error"]!;
        Assert.Equal("JobDecodeError", error["type"]!.GetValue<string>());
        Assert.Equal("PARSING_WORKFLOW", error["process_stage"]!.GetValue<string>());
        Assert.Equal(e.Message, error["message"]!.GetValue<string>());
        Assert.Equal("ExecByIdInput", error["extra_information"]!["model"]!.GetValue<string>());
        var errors = error["extra_information"]!["validation_errors"]!.AsArray();
        Assert.Equal("""[{"loc":["id"],"msg":"value is not a valid uuid","type":"type_error.uuid"},{"loc":["run_pure_plot_operators"],"msg":"value could not be parsed to a boolean","type":"type_error.bool"}]""",
            errors.ToJsonString());
        Assert.Equal("Runwire.Core.Contracts.JobDecoder", error["location"]!["file"]!.GetValue<string>());
        Assert.Empty(json["output_results_by_output_name"]!.AsObject());
        Assert.StartsWith("JobDecodeError: 2 validation errors for ExecByIdInput", json["traceback"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void DecodeFailed_NoJobIdInPayload_AnswersWithAFreshJobId()
    {
        var result = FailureResults.DecodeFailed(Fails("not json"));

        Assert.NotEqual(Guid.Empty, result.JobId);
        Assert.False(result.Ok);
    }

    [Fact]
    public void WiringInvalid_GoldenCase_CarriesHetidasMessageAndTheOutputTypes()
    {
        var job = JobDecoder.Decode(HetidaCases.RequestBytes("fail-wrong-wired-input-name"));
        var error = new WiringValidationException("Wiring does not match: There is no workflow input 'limits'!", job.Wiring!);

        var json = Written(FailureResults.WiringInvalid(job, error, [new("intercept", DataType.Float)]));

        var expected = HetidaCases.Load("fail-wrong-wired-input-name")["expected"]!;
        Assert.Equal(expected["kafka"]!["consumer_exception"]!["message"]!.GetValue<string>(), json["error"]!["message"]!.GetValue<string>());
        Assert.Equal(expected["error_type"]!.GetValue<string>(), json["error"]!["type"]!.GetValue<string>());
        Assert.Equal(job.JobId.ToString(), json["job_id"]!.GetValue<string>());
        Assert.Equal("FLOAT", json["output_types_by_output_name"]!["intercept"]!.GetValue<string>());
        var only = Assert.Single(json["error"]!["extra_information"]!["validation_errors"]!.AsArray())!;
        Assert.Equal(("__root__", "Wiring does not match: There is no workflow input 'limits'!", "value_error"),
            (only["loc"]![0]!.GetValue<string>(), only["msg"]!.GetValue<string>(), only["type"]!.GetValue<string>()));
    }

    [Fact]
    public void NotFound_UnknownTrafoCase_UsesHetidasErrorType()
    {
        var job = JobDecoder.Decode(HetidaCases.RequestBytes("fail-unknown-transformation-id"));

        var json = Written(FailureResults.NotFound(job));

        Assert.Equal(HetidaCases.Load("fail-unknown-transformation-id")["expected"]!["error_type"]!.GetValue<string>(), json["error"]!["type"]!.GetValue<string>());
        Assert.Equal("Could not find transformation revision 00000000-1111-2222-3333-444444444444", json["error"]!["message"]!.GetValue<string>());
        Assert.Equal("f73cdd59-1b04-5b58-9680-eb82e744065b", json["job_id"]!.GetValue<string>());
    }

    [Fact]
    public void NotFound_RevisionGroupWithoutRelease_UsesTheDbNotFoundText()
    {
        var job = JobDecoder.Decode("""{"revision_group_id": "9fb25660-ad44-48c9-810a-0badc153e192", "wiring": {}}"""u8);

        var error = Written(FailureResults.NotFound(job))["error"]!;

        Assert.Equal("DBNotFoundError", error["type"]!.GetValue<string>());
        Assert.Equal("no released transformation revisions with revision group id 9fb25660-ad44-48c9-810a-0badc153e192 found in the database",
            error["message"]!.GetValue<string>());
    }

    [Fact]
    public void ForUnknownTransformation_GoldenCase_IsHetidas404Detail()
    {
        var detail = HetidaCases.Load("fail-unknown-transformation-id")["expected"]!["web"]!["body"]!["detail"]!.GetValue<string>();

        Assert.Equal(detail, ValidationDetail.ForUnknownTransformation(Guid.Parse("00000000-1111-2222-3333-444444444444")));
    }
}
