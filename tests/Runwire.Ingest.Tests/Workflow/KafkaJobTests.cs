using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Runwire.Ingest.Intake;
using Runwire.Ingest.Tests.Support;

namespace Runwire.Ingest.Tests.Workflow;

/// <summary>
/// Kafka jobs as daprd delivers them, through the real ExecutionWorkflow on Dapr.Workflow 1.19 and the real executor
/// over loopback HTTP, up to the publish call handed to DaprClient.
/// </summary>
public sealed class KafkaJobTests(WorkflowFixture fx) : IClassFixture<WorkflowFixture>
{
    internal const string PassThroughInteger = "57eea09f-d28e-89af-4e81-2027697a3f0f";
    private const string CombineNamedColumns = "45f4f0c1-3fda-4c3b-8187-c590610e6975";

    [Fact]
    public async Task SeedRulJob_DeliveredByDapr_PublishesOkResultKeyedLikeTheJob()
    {
        var bytes = await File.ReadAllBytesAsync(Paths.Example("rul-legacy.json"), TestContext.Current.CancellationToken);
        var jobId = new KafkaDelivery(null, "designer_initialize_job", "0", "1001", null).StableJobId()!.Value.ToString("D");

        var answer = await fx.DeliverAsync(Deliveries.Record(bytes, "test_executionissuer_1", offset: 1001));
        Assert.Equal("SUCCESS", answer);

        var result = await fx.PublishedResultAsync(jobId);
        Jobs.AssertResult("ok", result.Json);
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
        await fx.DeliverAsync(Deliveries.Record(bytes, "twice", offset: 2002));
        await fx.PublishedResultAsync(jobId);

        Assert.Equal("SUCCESS", await fx.DeliverAsync(Deliveries.Record(bytes, "twice", offset: 2002)));

        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.Single(fx.Dapr.Publishes, p => p.Metadata.GetValueOrDefault("partitionKey") == "twice");
    }

    [Fact]
    public async Task UnknownTransformation_PublishesNotFoundFailureKeyedLikeTheJob()
    {
        var jobId = Guid.NewGuid().ToString("D");
        var job = $$"""{"id": "{{Guid.NewGuid()}}", "job_id": "{{jobId}}"}""";

        Assert.Equal("SUCCESS", await fx.DeliverAsync(Deliveries.Record(Encoding.UTF8.GetBytes(job), "unknown-1")));

        var result = await fx.PublishedResultAsync(jobId);
        Jobs.AssertResult("failure", result.Json);
        Assert.Equal("TrafoExecutionNotFoundError", result.Json["error"]!["type"]!.GetValue<string>());
        Assert.Equal("unknown-1", result.Call.Metadata["partitionKey"]);
    }

    [Fact]
    public async Task FailingComponent_PublishesFailureResultAtComponentStage()
    {
        // hetida's own example of a component raising (spec §2.5): its stored test wiring feeds a JSON object, not a Series.
        var jobId = Guid.NewGuid().ToString("D");
        var job = new JsonObject { ["id"] = CombineNamedColumns, ["job_id"] = jobId };

        Assert.Equal("SUCCESS", await fx.DeliverAsync(Deliveries.Record(Encoding.UTF8.GetBytes(job.ToJsonString()), "fails-1")));

        var result = await fx.PublishedResultAsync(jobId);
        Jobs.AssertResult("failure", result.Json);
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
        var job = new JsonObject { ["id"] = PassThroughInteger, ["wiring"] = Jobs.Wiring(Jobs.Direct("input", "42")) };

        using var response = await fx.Ingest.CreateClient().PostAsync(new Uri("/api/transformations/execute", UriKind.Relative),
            new StringContent(job.ToJsonString(), Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var result = JsonNode.Parse(text)!;
        Jobs.AssertResult("ok", result);
        Assert.Equal(42, result["output_results_by_output_name"]!["output"]!.GetValue<long>());
        Assert.Equal(3, fx.Executor.RunCalls - before);
    }
}
