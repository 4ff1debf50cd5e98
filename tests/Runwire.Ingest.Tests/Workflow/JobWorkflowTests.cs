using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Dapr.Workflow;
using Runwire.Core.Codecs;
using Runwire.Core.Data;
using Runwire.Ingest.Execution;
using Runwire.Ingest.Intake;
using Runwire.Ingest.Tests.Support;

namespace Runwire.Ingest.Tests.Workflow;

/// <summary>
/// The real ExecutionWorkflow and activities on Dapr.Workflow 1.19, the real executor and an adapters service over
/// loopback HTTP, up to the publish call handed to DaprClient.
/// </summary>
public sealed class JobWorkflowTests(WorkflowFixture fx) : IClassFixture<WorkflowFixture>
{
    private const string Rul = "806df1b9-2fc8-4463-943f-3d258c569663";
    private const string PassThroughInteger = "57eea09f-d28e-89af-4e81-2027697a3f0f";
    private const string PassThroughString = "2b1b474f-ddf5-1f4d-fec4-17ef9122112b";
    private const string PassThroughSeries = "bfa27afc-dea8-b8aa-4b15-94402f0739b6";
    private const string CombineNamedColumns = "45f4f0c1-3fda-4c3b-8187-c590610e6975";

    [Fact]
    public async Task SeedRulJob_DeliveredByDapr_PublishesOkResultKeyedLikeTheJob()
    {
        var bytes = await File.ReadAllBytesAsync(Paths.Example("rul-legacy.json"), TestContext.Current.CancellationToken);
        var jobId = new KafkaDelivery(null, "designer_initialize_job", "0", "1001", null).StableJobId()!.Value.ToString("D");

        var answer = await DeliverAsync(Deliveries.Record(bytes, "test_executionissuer_1", offset: 1001));
        Assert.Equal("SUCCESS", answer);

        var result = await PublishedResultAsync(jobId);
        AssertResult("ok", result.Json);
        Assert.Equal(jobId, result.Json["job_id"]!.GetValue<string>());
        var outputs = result.Json["output_results_by_output_name"]!;
        Assert.Equal(2.8121539285035206, outputs["intercept"]!.GetValue<double>(), 1e-9);
        Assert.Equal("2020-07-06T13:32:31.838365+00:00", outputs["limit_violation_timestamp"]!.GetValue<string>());
        Assert.Equal(new Dictionary<string, string>
        {
            ["rawPayload"] = "true",
            ["partitionKey"] = "test_executionissuer_1",
            ["traceparent"] = Deliveries.Traceparent,
        }, result.Call.Metadata);
    }

    [Fact]
    public async Task SeedRulJob_DeliveredTwice_IsExecutedAndAnsweredOnce()
    {
        var bytes = await File.ReadAllBytesAsync(Paths.Example("rul-legacy.json"), TestContext.Current.CancellationToken);
        var jobId = new KafkaDelivery(null, "designer_initialize_job", "0", "2002", null).StableJobId()!.Value.ToString("D");
        await DeliverAsync(Deliveries.Record(bytes, "twice", offset: 2002));
        await PublishedResultAsync(jobId);

        Assert.Equal("SUCCESS", await DeliverAsync(Deliveries.Record(bytes, "twice", offset: 2002)));

        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.Single(fx.Dapr.Publishes, p => p.Metadata.GetValueOrDefault("partitionKey") == "twice");
    }

    [Fact]
    public async Task UnknownTransformation_PublishesNotFoundFailureKeyedLikeTheJob()
    {
        var jobId = Guid.NewGuid().ToString("D");
        var job = $$"""{"id": "{{Guid.NewGuid()}}", "job_id": "{{jobId}}"}""";

        Assert.Equal("SUCCESS", await DeliverAsync(Deliveries.Record(Encoding.UTF8.GetBytes(job), "unknown-1")));

        var result = await PublishedResultAsync(jobId);
        AssertResult("failure", result.Json);
        Assert.Equal("TrafoExecutionNotFoundError", result.Json["error"]!["type"]!.GetValue<string>());
        Assert.Equal("unknown-1", result.Call.Metadata["partitionKey"]);
    }

    [Fact]
    public async Task FailingComponent_PublishesFailureResultAtComponentStage()
    {
        // hetida's own example of a component raising (spec §2.5): its stored test wiring feeds a JSON object, not a Series.
        var jobId = Guid.NewGuid().ToString("D");
        var job = new JsonObject { ["id"] = CombineNamedColumns, ["job_id"] = jobId };

        Assert.Equal("SUCCESS", await DeliverAsync(Deliveries.Record(Encoding.UTF8.GetBytes(job.ToJsonString()), "fails-1")));

        var result = await PublishedResultAsync(jobId);
        AssertResult("failure", result.Json);
        var error = result.Json["error"]!;
        Assert.Equal("TypeError", error["type"]!.GetValue<string>());
        Assert.Equal("series_or_dataframe must be a pandas Series or pandas DataFrame.", error["message"]!.GetValue<string>());
        Assert.Equal("EXECUTING_COMPONENT_CODE", error["process_stage"]!.GetValue<string>());
        Assert.Equal("Combine as named column into DataFrame", error["operator_info"]!["transformation_info"]!["name"]!.GetValue<string>());
        Assert.Equal("fails-1", result.Call.Metadata["partitionKey"]);
    }

    [Fact]
    public async Task TransientExecutorFault_IsRetried_AndTheSynchronousCallSucceeds()
    {
        var before = fx.Executor.RunCalls;
        fx.Executor.FailNextRuns(2);
        var job = new JsonObject { ["id"] = PassThroughInteger, ["wiring"] = Wiring(Direct("input", "42")) };

        using var response = await fx.Ingest.CreateClient().PostAsync(new Uri("/api/transformations/execute", UriKind.Relative),
            new StringContent(job.ToJsonString(), Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var result = JsonNode.Parse(text)!;
        AssertResult("ok", result);
        Assert.Equal(42, result["output_results_by_output_name"]!["output"]!.GetValue<long>());
        Assert.Equal(3, fx.Executor.RunCalls - before);
    }

    [Fact]
    public async Task AdapterRefusesWiring_PublishesFailureAtLoadingStage()
    {
        var jobId = Guid.NewGuid().ToString("D");
        var job = new JsonObject
        {
            ["id"] = PassThroughInteger,
            ["job_id"] = jobId,
            ["wiring"] = Wiring(Stored("input", "no-such-source", "metadata(int)")),
        };

        await DeliverAsync(Deliveries.Record(Encoding.UTF8.GetBytes(job.ToJsonString()), "refused-1"));

        var result = await PublishedResultAsync(jobId);
        AssertResult("failure", result.Json);
        Assert.Equal("LOADING_DATA_FROM_ADAPTERS", result.Json["error"]!["process_stage"]!.GetValue<string>());
        Assert.Equal("AdapterClientWiringInvalidError", result.Json["error"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task TwentyMegabyteInput_FromAdapter_TravelsByReferenceAndReachesTheSink()
    {
        var big = new string('x', 20 * 1024 * 1024);
        fx.Adapters.Sources["big-input"] = big;
        var jobId = Guid.NewGuid().ToString("D");
        var job = new JsonObject
        {
            ["id"] = PassThroughString,
            ["job_id"] = jobId,
            ["wiring"] = new JsonObject
            {
                ["input_wirings"] = new JsonArray(Stored("input", "big-input", "metadata(string)")),
                ["output_wirings"] = new JsonArray(new JsonObject
                {
                    ["workflow_output_name"] = "output", ["adapter_id"] = AdapterService.AdapterId,
                    ["ref_id"] = "big-output", ["ref_id_type"] = "SINK", ["ref_key"] = "v", ["type"] = "metadata(string)",
                }),
            },
        };

        await DeliverAsync(Deliveries.Record(Encoding.UTF8.GetBytes(job.ToJsonString()), "big-1"));

        var result = await PublishedResultAsync(jobId);
        AssertResult("ok", result.Json);
        // hetida returns only direct_provisioning outputs; the 20 MB went to the sink.
        Assert.Empty(result.Json["output_results_by_output_name"]!.AsObject());
        Assert.Equal(big, fx.Adapters.Received["big-output"]);
        var state = await fx.Workflows.GetWorkflowStateAsync(jobId, true, TestContext.Current.CancellationToken);
        var outcome = state!.ReadOutputAs<JobOutcome>()!;
        Assert.NotNull(outcome.Result.Inline);
        Assert.Contains(fx.Dapr.State, kv => kv.Key.Key == $"runwire:{jobId}:loaded" && kv.Value.Length > big.Length);
        Assert.Contains(fx.Dapr.State, kv => kv.Key.Key == $"runwire:{jobId}:pending" && kv.Value.Length > big.Length);
    }

    [Fact]
    public async Task SeriesFromAdapter_ToAdapterSink_ArrivesAsTheSameSeries()
    {
        var series = ValueParser.Parse("""{"2020-05-01T00:00:00.000Z": 2.5340945967, "2020-05-01T01:00:00.000Z": 2.5658768256, "2020-05-01T02:00:00.000Z": null}""",
            DataType.Series);
        fx.Adapters.Sources["series-in"] = series;
        var jobId = Guid.NewGuid().ToString("D");
        var job = new JsonObject
        {
            ["id"] = PassThroughSeries,
            ["job_id"] = jobId,
            ["wiring"] = new JsonObject
            {
                ["input_wirings"] = new JsonArray(Stored("input", "series-in", "timeseries(float)")),
                ["output_wirings"] = new JsonArray(new JsonObject
                {
                    ["workflow_output_name"] = "output", ["adapter_id"] = AdapterService.AdapterId, ["ref_id"] = "series-out", ["type"] = "timeseries(float)",
                }),
            },
        };

        await DeliverAsync(Deliveries.Record(Encoding.UTF8.GetBytes(job.ToJsonString()), "series-1"));

        var result = await PublishedResultAsync(jobId);
        AssertResult("ok", result.Json);
        Assert.True(JsonNode.DeepEquals(ValueEncoder.ToJsonNode(series), ValueEncoder.ToJsonNode(fx.Adapters.Received["series-out"])));
        Assert.Equal("SERIES", result.Json["output_types_by_output_name"]!["output"]!.GetValue<string>());
    }

    private async Task<string> DeliverAsync(HttpRequestMessage request)
    {
        using var response = await fx.Ingest.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["status"]!.GetValue<string>();
    }

    private async Task<(JsonNode Json, Published Call)> PublishedResultAsync(string jobId)
    {
        var state = await fx.WaitAsync(jobId);
        Assert.True(state.RuntimeStatus == WorkflowRuntimeStatus.Completed, $"{state.RuntimeStatus}: {state.FailureDetails?.ErrorMessage}");
        var calls = fx.Dapr.Publishes.Where(p => JsonNode.Parse(p.Data)!["job_id"]!.GetValue<string>() == jobId).ToList();
        var call = Assert.Single(calls);
        Assert.Equal(("jobs-pubsub", "designer_job_result", "application/json"), (call.PubSub, call.Topic, call.ContentType));
        return (JsonNode.Parse(call.Data)!, call);
    }

    private static void AssertResult(string expected, JsonNode result) =>
        Assert.True(result["result"]!.GetValue<string>() == expected, result["error"]?.ToJsonString());

    private static JsonObject Wiring(params JsonObject[] inputs) => new() { ["input_wirings"] = new JsonArray(inputs), ["output_wirings"] = new JsonArray() };

    private static JsonObject Direct(string name, string value) => new()
    {
        ["workflow_input_name"] = name, ["adapter_id"] = "direct_provisioning", ["filters"] = new JsonObject { ["value"] = value },
    };

    private static JsonObject Stored(string name, string refId, string type) => new()
    {
        ["workflow_input_name"] = name, ["adapter_id"] = AdapterService.AdapterId,
        ["ref_id"] = refId, ["ref_id_type"] = "SOURCE", ["ref_key"] = "v", ["type"] = type,
    };
}
