using System.Text;
using System.Text.Json.Nodes;
using Runwire.Core.Contracts;
using Runwire.Core.Data;

namespace Runwire.Core.Tests.Contracts;

public sealed class ResultWriterTests
{
    private static readonly Guid JobId = Guid.Parse("00000000-0000-0000-0000-000000000005");
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static string Json(ExecutionResult result) => Encoding.UTF8.GetString(ResultWriter.ToUtf8(result));

    [Fact]
    public void ToUtf8_Success_WritesHetidasKeysInOrderCompactly()
    {
        var result = new ExecutionResult(JobId, null,
            [new("intercept", 2.5), new("count", 3L), new("ok", true), new("text", "é<&"), new("nothing", null), new("bad", double.NaN)],
            [new("intercept", DataType.Float), new("count", DataType.Int), new("plot", DataType.PlotlyJson)],
            new MeasuredSteps(InternalFull: new MeasuredStep("internal_full", T0.AddTicks(1_234_567), T0.AddSeconds(1).AddTicks(1_234_567))),
            ProcessId: 42);

        Assert.Equal(
            "{\"error\":null,"
            + "\"output_results_by_output_name\":{\"intercept\":2.5,\"count\":3,\"ok\":true,\"text\":\"é<&\",\"nothing\":null,\"bad\":null},"
            + "\"traceback\":null,\"job_id\":\"00000000-0000-0000-0000-000000000005\","
            + "\"measured_steps\":{\"internal_full\":{\"name\":\"internal_full\",\"start\":\"2024-01-01T12:00:00.123456+00:00\","
            + "\"end\":\"2024-01-01T12:00:01.123456+00:00\",\"duration\":1.0},"
            + "\"prepare_execution_input\":null,\"run_execution_input\":null,\"runtime_service_handling\":null,"
            + "\"pure_execution\":null,\"load_data\":null,\"send_data\":null},"
            + "\"result\":\"ok\",\"output_types_by_output_name\":{\"intercept\":\"FLOAT\",\"count\":\"INT\",\"plot\":\"PLOTLYJSON\"},"
            + "\"process_id\":42}",
            Json(result));
    }

    [Fact]
    public void ToUtf8_Failure_WritesTheErrorObjectInHetidasKeyOrder()
    {
        var error = new ExecutionError("ComponentException", "bad input", ProcessStage.EXECUTING_COMPONENT_CODE, 404,
            new JsonObject { ["invalid_component_inputs"] = new JsonArray("divisor") },
            new OperatorInfo(new TransformationInfo("6d510037-0000-0000-0000-000000000000", "Divide", "1.0.0", "COMPONENT"),
                ["COMPONENT EXECUTION WRAPPER WORKFLOW", "Divide"], ["11111111-1111-1111-1111-111111111111", "22222222-2222-2222-2222-222222222222"]),
            new ErrorLocation("COMPONENT CODE", "main", 61));
        var result = new ExecutionResult(JobId, error, [], [new("quotient", DataType.Float)], new MeasuredSteps(), "Traceback (most recent call last):\n");

        var json = Json(result);

        Assert.StartsWith(
            "{\"error\":{\"type\":\"ComponentException\",\"error_code\":404,\"message\":\"bad input\","
            + "\"extra_information\":{\"invalid_component_inputs\":[\"divisor\"]},\"process_stage\":\"EXECUTING_COMPONENT_CODE\","
            + "\"operator_info\":{\"transformation_info\":{\"id\":\"6d510037-0000-0000-0000-000000000000\",\"name\":\"Divide\",\"tag\":\"1.0.0\",\"type\":\"COMPONENT\"},"
            + "\"hierarchy_in_workflow\":{\"by_name\":[\"COMPONENT EXECUTION WRAPPER WORKFLOW\",\"Divide\"],"
            + "\"by_id\":[\"11111111-1111-1111-1111-111111111111\",\"22222222-2222-2222-2222-222222222222\"]}},"
            + "\"location\":{\"file\":\"COMPONENT CODE\",\"function_name\":\"main\",\"line_number\":61}},"
            + "\"output_results_by_output_name\":{},\"traceback\":\"Traceback (most recent call last):\\n\",",
            json, StringComparison.Ordinal);
        Assert.Contains("\"result\":\"failure\",\"output_types_by_output_name\":{\"quotient\":\"FLOAT\"},\"process_id\":null}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ToUtf8_StringErrorCodeAndNoOperator_WritesStringAndNulls()
    {
        var error = new ExecutionError("AdapterClientWiringInvalidError", "Direct Input Provisioning without 'value' field in filters",
            ProcessStage.LOADING_DATA_FROM_ADAPTERS, "E1");

        var json = JsonNode.Parse(Json(new ExecutionResult(JobId, error, [], [], new MeasuredSteps())))!["error"]!;

        Assert.Equal("E1", json["error_code"]!.GetValue<string>());
        Assert.Null(json["operator_info"]);
        Assert.Null(json["location"]);
        Assert.Equal("LOADING_DATA_FROM_ADAPTERS", json["process_stage"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(0L, "2024-01-01T12:00:00+00:00", "0.0")]
    [InlineData(10L, "2024-01-01T12:00:00.000001+00:00", "1e-06")]
    [InlineData(3_100_000L, "2024-01-01T12:00:00.310000+00:00", "0.31")]
    [InlineData(9L, "2024-01-01T12:00:00+00:00", "0.0")]
    public void ToUtf8_MeasuredStep_UsesPythonsIsoformatAndTimedeltaSeconds(long ticks, string end, string duration)
    {
        var steps = new MeasuredSteps(SendData: new MeasuredStep("SENDING_DATA_TO_ADAPTERS", T0, T0.AddTicks(ticks)));

        var json = Json(new ExecutionResult(JobId, null, [], [], steps));

        Assert.Contains($"\"send_data\":{{\"name\":\"SENDING_DATA_TO_ADAPTERS\",\"start\":\"2024-01-01T12:00:00+00:00\",\"end\":\"{end}\",\"duration\":{duration}}}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ToUtf8_NonUtcTimes_AreWrittenInUtc()
    {
        var start = new DateTimeOffset(2024, 1, 1, 14, 0, 0, TimeSpan.FromHours(2));
        var steps = new MeasuredSteps(LoadData: new MeasuredStep("LOADING_DATA_FROM_ADAPTERS", start, start.AddSeconds(2)));

        var step = JsonNode.Parse(Json(new ExecutionResult(JobId, null, [], [], steps)))!["measured_steps"]!["load_data"]!;

        Assert.Equal("2024-01-01T12:00:00+00:00", step["start"]!.GetValue<string>());
        Assert.Equal(2.0, step["duration"]!.GetValue<double>());
    }

    [Fact]
    public void ToUtf8_MessageWithLoneSurrogate_StillWritesValidJson()
    {
        var error = new ExecutionError("JobDecodeError", "\ud800 is not a valid Python identifier", ProcessStage.PARSING_WORKFLOW);

        var json = JsonNode.Parse(Json(new ExecutionResult(JobId, error, [], [], new MeasuredSteps())))!;

        Assert.Equal("\ufffd is not a valid Python identifier", json["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public void ToUtf8_OutputNestedDeeperThanAResultHolds_FailureAtEncodingResultsToJsonKeepingJobAndTypes()
    {
        JsonNode deep = new JsonArray();
        for (var i = 1; i < 999; i++)
        {
            deep = new JsonArray(deep);
        }
        var steps = new MeasuredSteps(InternalFull: new MeasuredStep("internal_full", T0, T0.AddSeconds(1)));
        var result = new ExecutionResult(JobId, null, [new("deep", deep)], [new("deep", DataType.Any)], steps, ProcessId: 42);

        var json = JsonNode.Parse(Json(result))!;

        Assert.Equal("failure", json["result"]!.GetValue<string>());
        Assert.Equal("ValueError", json["error"]!["type"]!.GetValue<string>());
        Assert.Equal("ENCODING_RESULTS_TO_JSON", json["error"]!["process_stage"]!.GetValue<string>());
        Assert.Equal("Output 'deep' is nested deeper than the 1000 levels of JSON a result can hold.", json["error"]!["message"]!.GetValue<string>());
        Assert.Equal("ValueError: Output 'deep' is nested deeper than the 1000 levels of JSON a result can hold.", json["traceback"]!.GetValue<string>());
        Assert.Empty(json["output_results_by_output_name"]!.AsObject());
        Assert.Equal("ANY", json["output_types_by_output_name"]!["deep"]!.GetValue<string>());
        Assert.Equal(JobId.ToString(), json["job_id"]!.GetValue<string>());
        Assert.Equal(1.0, json["measured_steps"]!["internal_full"]!["duration"]!.GetValue<double>());
    }

    [Fact]
    public void ToUtf8_OutputWithoutJsonForm_FailureAtEncodingResultsToJson()
    {
        var result = new ExecutionResult(JobId, null, [new("uri", new Uri("http://example.org/"))], [new("uri", DataType.Any)], new MeasuredSteps());

        var error = JsonNode.Parse(Json(result))!["error"]!;

        Assert.Equal("ValueError", error["type"]!.GetValue<string>());
        Assert.Equal("ENCODING_RESULTS_TO_JSON", error["process_stage"]!.GetValue<string>());
    }
}
