using System.Text;
using System.Text.Json.Nodes;
using Runwire.Core.Codecs;
using Runwire.Core.Data;
using Runwire.Ingest.Execution;
using Runwire.Ingest.Tests.Support;

namespace Runwire.Ingest.Tests.Workflow;

/// <summary>Jobs with inputs and outputs wired to adapters: the load and send steps against the adapters service's endpoints.</summary>
public sealed class AdapterJobTests(WorkflowFixture fx) : IClassFixture<WorkflowFixture>
{
    private const string PassThroughInteger = "57eea09f-d28e-89af-4e81-2027697a3f0f";
    private const string PassThroughString = "2b1b474f-ddf5-1f4d-fec4-17ef9122112b";
    private const string PassThroughSeries = "bfa27afc-dea8-b8aa-4b15-94402f0739b6";
    private const string PassThroughFrame = "7a1a818f-fa89-6062-1e0e-fc80539bbe0a";

    [Fact]
    public async Task SendStepRepeatedAfterItsAnswerWasLost_TheFileIsWrittenOnce_AndTheJobSucceeds()
    {
        var jobId = Guid.NewGuid().ToString("D");
        var sinkDir = Directory.CreateDirectory(Path.Combine(fx.Adapters.FilesRoot, jobId)).FullName;
        var job = new JsonObject
        {
            ["id"] = PassThroughFrame,
            ["job_id"] = jobId,
            ["wiring"] = new JsonObject
            {
                ["input_wirings"] = new JsonArray(Jobs.Direct("input", """{"a": [1, 2], "b": ["x", "y"]}""")),
                ["output_wirings"] = new JsonArray(new JsonObject
                {
                    ["workflow_output_name"] = "output", ["adapter_id"] = "local-file-adapter", ["type"] = "dataframe",
                    // hetida's id of the generic sink in a folder: the path with '/' as "__" and '_' as "-_-"
                    ["ref_id"] = "GENERIC_DATAFRAME_SINK_AT_" + sinkDir.Replace("_", "-_-", StringComparison.Ordinal).Replace("/", "__", StringComparison.Ordinal),
                }),
            },
        };
        fx.Adapters.LoseNextSendAnswers(1);
        var sends = fx.Adapters.SendCalls;

        await fx.DeliverAsync(Deliveries.Record(Encoding.UTF8.GetBytes(job.ToJsonString()), "lost-send-1"));

        var result = await fx.PublishedResultAsync(jobId);
        Jobs.AssertResult("ok", result.Json);
        Assert.Equal(2, fx.Adapters.SendCalls - sends);
        var file = Assert.Single(Directory.GetFiles(sinkDir, "*", SearchOption.AllDirectories));
        Assert.EndsWith($"+00:00_{jobId}.csv", file, StringComparison.Ordinal);
        Assert.Equal("a,b\n1,x\n2,y\n", File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AdapterRefusesWiring_PublishesFailureAtLoadingStage()
    {
        var jobId = Guid.NewGuid().ToString("D");
        var job = new JsonObject
        {
            ["id"] = PassThroughInteger,
            ["job_id"] = jobId,
            ["wiring"] = Jobs.Wiring(Jobs.Stored("input", "no-such-source", "metadata(int)")),
        };

        await fx.DeliverAsync(Deliveries.Record(Encoding.UTF8.GetBytes(job.ToJsonString()), "refused-1"));

        var result = await fx.PublishedResultAsync(jobId);
        Jobs.AssertResult("failure", result.Json);
        Assert.Equal("LOADING_DATA_FROM_ADAPTERS", result.Json["error"]!["process_stage"]!.GetValue<string>());
        Assert.Equal("AdapterClientWiringInvalidError", result.Json["error"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task TwentyMegabyteInput_FromAdapter_TravelsByReferenceAndReachesTheSink()
    {
        // Quotes double in JSON: every step body is about 40 MB, above Kestrel's 30 MB default request limit.
        var big = new string('"', 20 * 1024 * 1024);
        fx.Adapters.Sources["big-input"] = big;
        var jobId = Guid.NewGuid().ToString("D");
        var job = new JsonObject
        {
            ["id"] = PassThroughString,
            ["job_id"] = jobId,
            ["wiring"] = new JsonObject
            {
                ["input_wirings"] = new JsonArray(Jobs.Stored("input", "big-input", "metadata(string)")),
                ["output_wirings"] = new JsonArray(new JsonObject
                {
                    ["workflow_output_name"] = "output", ["adapter_id"] = AdapterService.AdapterId,
                    ["ref_id"] = "big-output", ["ref_id_type"] = "SINK", ["ref_key"] = "v", ["type"] = "metadata(string)",
                }),
            },
        };

        await fx.DeliverAsync(Deliveries.Record(Encoding.UTF8.GetBytes(job.ToJsonString()), "big-1"));

        var result = await fx.PublishedResultAsync(jobId);
        Jobs.AssertResult("ok", result.Json);
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
                ["input_wirings"] = new JsonArray(Jobs.Stored("input", "series-in", "timeseries(float)")),
                ["output_wirings"] = new JsonArray(new JsonObject
                {
                    ["workflow_output_name"] = "output", ["adapter_id"] = AdapterService.AdapterId, ["ref_id"] = "series-out", ["type"] = "timeseries(float)",
                }),
            },
        };

        await fx.DeliverAsync(Deliveries.Record(Encoding.UTF8.GetBytes(job.ToJsonString()), "series-1"));

        var result = await fx.PublishedResultAsync(jobId);
        Jobs.AssertResult("ok", result.Json);
        Assert.True(JsonNode.DeepEquals(ValueEncoder.ToJsonNode(series), ValueEncoder.ToJsonNode(fx.Adapters.Received["series-out"])));
        Assert.Equal("SERIES", result.Json["output_types_by_output_name"]!["output"]!.GetValue<string>());
    }
}
