using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Runwire.Core.Codecs;
using Runwire.Core.Contracts;
using Runwire.Core.Data;
using Runwire.Ingest.Tests.Support;
using Runwire.Ingest.Tests.Telemetry;

namespace Runwire.Ingest.Tests.Workflow;

/// <summary>
/// hetida's Kafka consumption mode in Dapr mode: records of the data topic, delivered by daprd as raw payloads to
/// /events/consume, each run the fixed transformation as a workflow under the record's id with the message's value
/// as its input; outputs go to their adapter. Records that are no message of the expected format are dead-lettered.
/// </summary>
public sealed class ConsumptionTests : IAsyncLifetime
{
    private const string Topic = "cm-raw";
    private const string PassThroughSeries = "bfa27afc-dea8-b8aa-4b15-94402f0739b6";
    private readonly WorkflowFixture fx = new();
    private readonly LogCapture logs = new();

    public ValueTask InitializeAsync()
    {
        var configs = new JsonObject
        {
            ["raw"] = new JsonObject
            {
                ["display_name"] = "Raw data", ["topic"] = Topic, ["types"] = new JsonArray("series(float)"),
                ["consumer_config"] = new JsonObject { ["bootstrap_servers"] = new JsonArray("unused:9092"), ["group_id"] = "cm" },
                ["consumable"] = true, ["producable"] = false,
            },
        };
        var input = new JsonObject
        {
            ["id"] = PassThroughSeries,
            ["wiring"] = new JsonObject
            {
                ["input_wirings"] = new JsonArray(new JsonObject
                {
                    ["workflow_input_name"] = "input", ["adapter_id"] = "kafka", ["ref_id"] = "raw_series(float)", ["ref_id_type"] = "SOURCE",
                    ["type"] = "series(float)", ["filters"] = new JsonObject { ["message_value_key"] = "" },
                }),
                ["output_wirings"] = new JsonArray(new JsonObject
                {
                    ["workflow_output_name"] = "output", ["adapter_id"] = AdapterService.AdapterId, ["ref_id"] = "consumed", ["type"] = "timeseries(float)",
                }),
            },
        };
        return fx.StartAsync(configure: b => b
            .UseSetting("HD_KAFKA_CONFIGS", configs.ToJsonString())
            .UseSetting("HETIDA_DESIGNER_KAFKA_CONSUMPTION_MODE", input.ToJsonString())
            .ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs)));
    }

    [Fact]
    public async Task DataRecord_RunsTheFixedTransformationUnderTheRecordsId_OutputReachesItsAdapter()
    {
        var series = """{"2024-01-01T00:00:00Z": 1.5, "2024-01-01T01:00:00Z": 2.5}""";
        var message = $$"""{"value": {"value": {{series}}, "data_type": "series(float)"}, "transformation_id": null}""";

        var answer = await fx.DeliverAsync(Deliveries.Record(System.Text.Encoding.UTF8.GetBytes(message), null, partition: 1, offset: 40, topic: Topic,
            route: "/events/consume"));

        Assert.Equal("SUCCESS", answer);
        var jobId = RecordJobId.From(Topic, 1, 40).ToString("D");
        var state = await fx.WaitAsync(jobId);
        Assert.Equal(Dapr.Workflow.WorkflowRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.True(JsonNode.DeepEquals(ValueEncoder.ToJsonNode(ValueParser.Parse(series, DataType.Series)), ValueEncoder.ToJsonNode(fx.Adapters.Received["consumed"])));
        // The result is kept, not published: consumption mode's outputs go to their adapters.
        Assert.DoesNotContain(fx.Dapr.Publishes, p => JsonNode.Parse(p.Data)!["job_id"]?.GetValue<string>() == jobId);
    }

    [Theory]
    [InlineData("not JSON at all", "not JSON")]
    [InlineData("""{"values": {"x": {"value": 1, "data_type": "series(float)"}}}""", "value: field required")]
    public async Task RecordThatIsNoMessageOfTheExpectedFormat_DeadLettered_NoWorkflow(string record, string reason)
    {
        var offset = 100 + Math.Abs(record.GetHashCode(StringComparison.Ordinal) % 1000);

        var answer = await fx.DeliverAsync(Deliveries.Record(System.Text.Encoding.UTF8.GetBytes(record), "bad", partition: 0, offset: offset, topic: Topic,
            route: "/events/consume"));

        Assert.Equal("DROP", answer);
        Assert.False(await Intake.JobScheduler.ExistsAsync(fx.Workflows, RecordJobId.From(Topic, 0, offset).ToString("D"), TestContext.Current.CancellationToken));
        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("dead-lettered", StringComparison.Ordinal)
            && l.Message.Contains(reason, StringComparison.Ordinal));
    }

    public ValueTask DisposeAsync() => fx.DisposeAsync();
}
