using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Runwire.Host.Tests.Support;
using static Runwire.Host.Tests.KafkaAdapter.KafkaJobs;

namespace Runwire.Host.Tests.KafkaAdapter;

/// <summary>
/// hetida's Kafka adapter over the real Kafka protocol: sources and sinks offered per config and type, outputs produced
/// as hetida's single and multi value messages (fields as in hetida's models.py), inputs read from such messages,
/// and bad messages failing their job with the reason.
/// </summary>
public sealed class KafkaAdapterTests(KafkaAdapterHost host) : IClassFixture<KafkaAdapterHost>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Structure_HetidaConfigs_OneSourceAndSinkPerOfferedTypeUnderBase()
    {
        var root = await GetAsync("/adapters/kafka/structure");
        Assert.Equal("base", Assert.Single(root["thingNodes"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Empty(root["sources"]!.AsArray());

        var structure = await GetAsync("/adapters/kafka/structure?parentId=base");
        var sinks = Ids(structure["sinks"]!);
        var sources = Ids(structure["sources"]!);
        Assert.Equal(
            ["series_out_series(float)", "series_out_metadata(string)", "series_out_multitsframe", "grid_series(float)", "grid_series(int)",
             "index_series(float)", "bad_series(float)", "bad_metadata(int)", "runwire_keys_series(float)"],
            sinks);
        // In each config's order of types; "raw" names none, so it offers every external type in hetida's order.
        Assert.Equal(["grid_series(float)", "grid_series(int)", .. Runwire.Core.Contracts.ExternalTypes.Canonical.Select(t => "raw_" + t),
            "bad_series(float)", "bad_metadata(int)", "runwire_keys_series(float)"], sources);

        var sink = (await GetAsync("/adapters/kafka/sinks/series_out_metadata(string)"));
        Assert.Equal("Series results metadata(string)", sink["name"]!.GetValue<string>());
        Assert.Equal("series_out/metadata(string)", sink["path"]!.GetValue<string>());
        Assert.Equal("series_out_metadata(string)", sink["metadataKey"]!.GetValue<string>());
        Assert.Equal("base", sink["thingNodeId"]!.GetValue<string>());
        Assert.Equal("free_text", sink["filters"]!["message_value_key"]!["type"]!.GetValue<string>());
        Assert.True(sink["filters"]!["message_value_key"]!["required"]!.GetValue<bool>());
        Assert.Null((await GetAsync("/adapters/kafka/sinks/grid_series(float)"))["metadataKey"]);

        // Not consumable, not an offered type, no such config: not there.
        foreach (var missing in new[] { "sources/series_out_series(float)", "sinks/grid_dataframe", "sinks/nothing_series(float)", "sources/raw_nonsense" })
        {
            using var response = await host.Serve.Http.GetAsync(new Uri("/adapters/kafka/" + missing, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task Pipeline_MultiValueMessageProducedThenConsumedByValueKey_ValuesAsTheDirectResultHas()
    {
        // What the grid generator returns when nothing is wired to Kafka: the values the messages must carry.
        var plain = await host.ExecuteAsync(Job(GridGenerator, Guid.NewGuid(), GridInputs()));
        Assert.Equal("ok", plain["result"]!.GetValue<string>());
        var expected = plain["output_results_by_output_name"]!.AsObject();

        // x and y into one multi value message to "grid", x_indices as a single value message to "index".
        var job = Guid.NewGuid();
        var produced = await host.ExecuteAsync(Job(GridGenerator, job, GridInputs(),
        [
            KafkaOutput("x_values", "grid_series(float)", "series(float)", "x"),
            KafkaOutput("y_values", "grid_series(float)", "series(float)", "y"),
            KafkaOutput("x_indices", "index_series(float)", "series(float)", ""),
        ]));
        Assert.Equal("ok", produced["result"]!.GetValue<string>());
        Assert.Equal(["y_indices"], produced["output_results_by_output_name"]!.AsObject().Select(o => o.Key));

        using (var grid = new TopicReader(host.Bootstrap, KafkaAdapterHost.GridTopic))
        using (var index = new TopicReader(host.Bootstrap, KafkaAdapterHost.IndexTopic))
        {
            var multi = Assert.Single(await grid.WaitCountAsync(1, Wait)).Json;
            AssertEnvelope(multi, GridGenerator, job, "values");
            Assert.Equal(["x", "y"], multi["values"]!.AsObject().Select(v => v.Key).Order());
            AssertValue(multi["values"]!["x"]!, expected["x_values"], "series(float)", "x_values");
            AssertValue(multi["values"]!["y"]!, expected["y_values"], "series(float)", "y_values");

            var single = Assert.Single(await index.WaitCountAsync(1, Wait)).Json;
            AssertEnvelope(single, GridGenerator, job, "value");
            AssertValue(single["value"]!, expected["x_indices"], "series(float)", "x_indices");
        }

        // The next stage reads the multi value message by value key "y" and passes it on as a single value message.
        var next = Guid.NewGuid();
        var passed = await host.ExecuteAsync(Job(PassThroughSeries, next,
            [KafkaInput("input", "grid_series(float)", "series(float)", "y")],
            [KafkaOutput("output", "series_out_series(float)", "series(float)", "")]));
        Assert.Equal("ok", passed["result"]!.GetValue<string>());
        using var results = new TopicReader(host.Bootstrap, KafkaAdapterHost.SeriesTopic);
        var forwarded = Assert.Single(await results.WaitCountAsync(1, Wait)).Json;
        AssertEnvelope(forwarded, PassThroughSeries, next, "value");
        AssertValue(forwarded["value"]!, expected["y_values"], "series(float)", "output");
    }

    [Fact]
    public async Task Source_SingleValueMessageWithOnlyTheRequiredFields_InputGetsItsValue()
    {
        var series = """{"2020-01-01T00:00:00Z": 1.5, "2020-01-01T01:00:00Z": 2.5, "2020-01-01T02:00:00Z": null}""";
        var plain = await host.ExecuteAsync(Job(PassThroughSeries, Guid.NewGuid(), [Direct("input", series)]));
        Assert.Equal("ok", plain["result"]!.GetValue<string>());

        await host.ProduceAsync(KafkaAdapterHost.RawTopic, $$$"""{"value": {"value": {{{series}}}, "data_type": "series(float)"}}""");
        var loaded = await host.ExecuteAsync(Job(PassThroughSeries, Guid.NewGuid(), [KafkaInput("input", "raw_series(float)", "series(float)", "")]));

        Assert.Equal("ok", loaded["result"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(plain["output_results_by_output_name"]!["output"], loaded["output_results_by_output_name"]!["output"]),
            loaded.ToJsonString());
    }

    [Fact]
    public async Task RunwireKeys_ConfigFromRunwireSettings_ProducedMessageReadBackByTheNextJob()
    {
        var series = """{"__hd_wrapped_data_object__": "SERIES", "__metadata__": {"unit": "K"}, "__data__": {"index": [0, 1], "data": [280.5, 281.0], "name": "t"}, "__data_parsing_options__": {"orient": "split"}}""";
        var plain = await host.ExecuteAsync(Job(PassThroughSeries, Guid.NewGuid(), [Direct("input", series)]));
        var sent = await host.ExecuteAsync(Job(PassThroughSeries, Guid.NewGuid(), [Direct("input", series)],
            [KafkaOutput("output", "runwire_keys_series(float)", "series(float)", "run:temperature")]));
        Assert.Equal("ok", sent["result"]!.GetValue<string>());

        var read = await host.ExecuteAsync(Job(PassThroughSeries, Guid.NewGuid(),
            [KafkaInput("input", "runwire_keys_series(float)", "series(float)", "run:temperature")]));

        Assert.Equal("ok", read["result"]!.GetValue<string>());
        var output = read["output_results_by_output_name"]!["output"];
        Assert.True(JsonNode.DeepEquals(plain["output_results_by_output_name"]!["output"], output), output!.ToJsonString());
        Assert.Equal("K", output!["__metadata__"]!["unit"]!.GetValue<string>());
    }

    [Fact]
    public async Task BadMessages_EachFailsItsJobWithTheReason_TheNextGoodMessageIsRead()
    {
        await host.ProduceAsync(KafkaAdapterHost.BadTopic, "this is not JSON");
        var notJson = await host.ExecuteAsync(Job(TestJobs.PassThroughInt, Guid.NewGuid(), [KafkaInput("input", "bad_metadata(int)", "metadata(int)", "")]));
        AssertFailure(notJson, "AdapterHandlingException", "LOADING_DATA_FROM_ADAPTERS", "Error parsing/validating single value message");

        await host.ProduceAsync(KafkaAdapterHost.BadTopic, """{"values": {"a": {"value": 1, "data_type": "metadata(int)"}}}""");
        var multiForSingle = await host.ExecuteAsync(Job(TestJobs.PassThroughInt, Guid.NewGuid(), [KafkaInput("input", "bad_metadata(int)", "metadata(int)", "")]));
        AssertFailure(multiForSingle, "AdapterHandlingException", "LOADING_DATA_FROM_ADAPTERS", "value: field required");

        await host.ProduceAsync(KafkaAdapterHost.BadTopic, """{"value": {"value": {"a": 1}, "data_type": "metadata(int)"}}""");
        var wrongType = await host.ExecuteAsync(Job(TestJobs.PassThroughInt, Guid.NewGuid(), [KafkaInput("input", "bad_metadata(int)", "metadata(int)", "")]));
        AssertFailure(wrongType, "WorkflowInputDataValidationError", "PARSING_LOADED_DATA", "Input 'input'");

        await host.ProduceAsync(KafkaAdapterHost.BadTopic, """{"job_id": "from-elsewhere", "value": {"value": 7, "data_type": "metadata(int)"}}""");
        var good = await host.ExecuteAsync(Job(TestJobs.PassThroughInt, Guid.NewGuid(), [KafkaInput("input", "bad_metadata(int)", "metadata(int)", "")]));
        Assert.Equal("ok", good["result"]!.GetValue<string>());
        Assert.Equal(7, good["output_results_by_output_name"]!["output"]!.GetValue<int>());
    }

    [Fact]
    public async Task Sinks_TwoOutputsUnderOneValueKey_JobFailsAtSending()
    {
        var result = await host.ExecuteAsync(Job(GridGenerator, Guid.NewGuid(), GridInputs(),
        [
            KafkaOutput("x_values", "grid_series(float)", "series(float)", "same"),
            KafkaOutput("y_values", "grid_series(float)", "series(float)", "same"),
        ]));
        AssertFailure(result, "AdapterHandlingException", "SENDING_DATA_TO_ADAPTERS", "duplicate message_value_key same");

        var notProducable = await host.ExecuteAsync(Job(GridGenerator, Guid.NewGuid(), GridInputs(),
            [KafkaOutput("x_values", "raw_series(float)", "series(float)", "")]));
        AssertFailure(notProducable, "KafkaAdapterIdParsingException", "SENDING_DATA_TO_ADAPTERS", "does not allow production");
    }

    /// <summary>hetida's KafkaMessage fields: transformation_id and job_id (str), message_creation_timestamp (tz-aware datetime), then value or values.</summary>
    private static void AssertEnvelope(JsonObject message, string transformationId, Guid jobId, string valueField)
    {
        Assert.Equal(["job_id", "message_creation_timestamp", "transformation_id", valueField], message.Select(p => p.Key).Order());
        Assert.Equal(transformationId, message["transformation_id"]!.GetValue<string>());
        Assert.Equal(jobId.ToString(), message["job_id"]!.GetValue<string>());
        var created = DateTimeOffset.Parse(message["message_creation_timestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.Zero, created.Offset);
        Assert.InRange(DateTimeOffset.UtcNow - created, TimeSpan.Zero, TimeSpan.FromMinutes(2));
    }

    /// <summary>hetida's KafkaMessageValueRepresentation: value, data_type (an ExternalType value), output_name.</summary>
    private static void AssertValue(JsonNode representation, JsonNode? expected, string dataType, string outputName)
    {
        Assert.Equal(["data_type", "output_name", "value"], representation.AsObject().Select(p => p.Key).Order());
        Assert.Equal(dataType, representation["data_type"]!.GetValue<string>());
        Assert.Equal(outputName, representation["output_name"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(expected, representation["value"]), representation["value"]?.ToJsonString());
    }

    private static void AssertFailure(JsonObject result, string type, string stage, string message)
    {
        Assert.Equal("failure", result["result"]!.GetValue<string>());
        var error = result["error"]!;
        Assert.Equal(type, error["type"]!.GetValue<string>());
        Assert.Equal(stage, error["process_stage"]!.GetValue<string>());
        Assert.Contains(message, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static List<string> Ids(JsonNode items) => [.. items.AsArray().Select(i => i!["id"]!.GetValue<string>())];

    private async Task<JsonObject> GetAsync(string path) =>
        (await host.Serve.Http.GetFromJsonAsync<JsonObject>(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken))!;
}
