using System.Text.Json.Nodes;
using Runwire.Host.Tests.Support;
using static Runwire.Host.Tests.KafkaAdapter.KafkaJobs;

namespace Runwire.Host.Tests.KafkaAdapter;

/// <summary>
/// <c>runwire serve --consume FILE</c> over the real Kafka protocol: two hosts chained through three topics (single
/// value messages in, a multi value message between the stages, single value messages out), bad messages in the
/// middle of the stream dead-lettered while the stream goes on, and a consumption input that cannot be consumed
/// refused at start.
/// </summary>
public sealed class ConsumptionModeTests : IDisposable
{
    private const string PassThroughMultiTsFrame = "78ee6b00-9239-4214-b9bf-a093647f33f5";
    private const string Raw = "cm-raw";
    private const string Checked = "cm-checked";
    private const string Final = "cm-final";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task TwoStagePipeline_GoodAndBadMessages_EveryGoodOneThroughBothStagesEveryBadOneDeadLettered()
    {
        using var broker = new TestBroker(Raw, Checked, Final, Raw + "_dead_letter", Checked + "_dead_letter");
        var environment = new Dictionary<string, string> { ["HD_KAFKA_CONFIGS"] = Configs(broker.Bootstrap).ToJsonString() };
        // Stage 1 reads single value messages from "raw" and writes each frame under value key "frame" to "checked";
        // stage 2 reads that value key and writes a single value message to "final".
        var stage1 = Input(PassThroughMultiTsFrame,
            KafkaInput("input", "raw_multitsframe", "multitsframe", ""),
            KafkaOutput("output", "checked_multitsframe", "multitsframe", "frame"));
        var stage2 = Input(PassThroughMultiTsFrame,
            KafkaInput("input", "checked_multitsframe", "multitsframe", "frame"),
            KafkaOutput("output", "final_multitsframe", "multitsframe", ""));
        using var first = await ServeProcess.StartAsync(_dir.Sub("one"), null, "unused", environment, "--consume", stage1);
        using var second = await ServeProcess.StartAsync(_dir.Sub("two"), null, "unused", environment, "--consume", stage2);

        var frames = new[] { Frame(1.5), Frame(2.5), Frame(3.5) };
        var expected = new List<JsonNode?>();
        foreach (var frame in frames)
        {
            var direct = await ExecuteAsync(first, Job(PassThroughMultiTsFrame, Guid.NewGuid(), [Direct("input", frame)]));
            expected.Add(direct["output_results_by_output_name"]!["output"]);
        }
        string[] bad =
        [
            "not JSON at all",
            """{"values": {"frame": {"value": {}, "data_type": "multitsframe"}}}""",
            """{"value": {"value": {"timestamp": ["2024-01-01T00:00:00+00:00"], "metric": ["a"]}, "data_type": "multitsframe"}}""",
        ];
        using var producer = new JobProducer(broker.Bootstrap);
        await producer.SendAsync(null, Bytes(Message(frames[0])), topic: Raw);
        foreach (var message in bad)
        {
            await producer.SendAsync(null, Bytes(message), topic: Raw);
        }
        await producer.SendAsync(null, Bytes(Message(frames[1])), topic: Raw);
        await producer.SendAsync(null, Bytes(Message(frames[2])), topic: Raw);

        using var final = new TopicReader(broker.Bootstrap, Final);
        using var deadLetters = new TopicReader(broker.Bootstrap, Raw + "_dead_letter");
        var outputs = await final.WaitCountAsync(3, Wait);
        var letters = await deadLetters.WaitCountAsync(3, Wait);

        Assert.Equal(3, outputs.Count);
        var values = outputs.Select(o => o.Json["value"]!["value"]).ToList();
        foreach (var value in expected)
        {
            Assert.Single(values, v => JsonNode.DeepEquals(v, value));
        }
        Assert.Equal(3, outputs.Select(o => o.JobId).Distinct().Count());
        Assert.All(outputs, o => Assert.Equal(PassThroughMultiTsFrame, o.Json["transformation_id"]!.GetValue<string>()));

        Assert.Equal(bad.Order(), letters.Select(l => System.Text.Encoding.UTF8.GetString(l.Value)).Order());
        var reasons = letters.ToDictionary(l => System.Text.Encoding.UTF8.GetString(l.Value), l => l.Headers["runwire-error"]);
        Assert.Contains("not JSON", reasons[bad[0]], StringComparison.Ordinal);
        Assert.Contains("value: field required", reasons[bad[1]], StringComparison.Ordinal);
        Assert.StartsWith("WorkflowInputDataValidationError", reasons[bad[2]], StringComparison.Ordinal);
        Assert.All(letters, l => Assert.StartsWith(Raw + "/", l.Headers["runwire-source"], StringComparison.Ordinal));
        Assert.False(first.HasExited, first.Output);
        Assert.False(second.HasExited, second.Output);
    }

    [Fact]
    public async Task StoppedMidStream_RestartedHost_EveryMessageRunAtMostTheOneInHandTwice()
    {
        const int count = 2000;
        using var broker = new TestBroker(Raw, Checked, Final, Raw + "_dead_letter");
        var environment = new Dictionary<string, string> { ["HD_KAFKA_CONFIGS"] = Configs(broker.Bootstrap).ToJsonString() };
        var stage = await RawToFinalAsync(broker, count);
        using var final = new TopicReader(broker.Bootstrap, Final);

        using (var first = await ServeProcess.StartAsync(_dir.Sub("first"), null, "unused", environment, "--consume", stage))
        {
            await final.WaitCountAsync(100, Wait);
            Assert.True(first.Terminate(TimeSpan.FromSeconds(30)), first.Output);
        }
        var beforeRestart = final.All.Count;
        Assert.InRange(beforeRestart, 100, count - 1);
        using var second = await ServeProcess.StartAsync(_dir.Sub("second"), null, "unused", environment, "--consume", stage);
        var outputs = await final.WaitAsync(r => r.Select(FirstValue).Distinct().Count() >= count, Wait);

        // Every message came out; a stop lets the messages in hand finish, and at most one runs again (under the same job id).
        var byValue = outputs.GroupBy(FirstValue).ToList();
        Assert.Equal(count, byValue.Count);
        Assert.InRange(outputs.Count, count, count + 1);
        Assert.All(byValue.Where(g => g.Count() > 1), g => Assert.Single(g.Select(o => o.JobId).Distinct()));
    }

    [Fact]
    public async Task ManyMessagesInFourPartitions_SeveralAtOnce_EveryMessageComesOutExactlyOnce()
    {
        const int count = 3000;
        using var broker = new TestBroker(Raw, Final, Raw + "_dead_letter");
        var environment = new Dictionary<string, string> { ["HD_KAFKA_CONFIGS"] = Configs(broker.Bootstrap).ToJsonString() };
        var stage = await RawToFinalAsync(broker, count);
        using var final = new TopicReader(broker.Bootstrap, Final);
        using var serve = await ServeProcess.StartAsync(_dir.Sub("many"), null, "unused", environment, "--consume", stage,
            "--Runwire:Consume:MaxInFlight=16");

        var outputs = await final.WaitCountAsync(count, Wait);

        Assert.Equal(Enumerable.Range(0, count).Select(i => (double)i), outputs.Select(FirstValue).Order());
        Assert.Equal(count, outputs.Select(o => o.JobId).Distinct().Count());
        Assert.Contains("up to 16 messages at once", serve.Output, StringComparison.Ordinal);
        Assert.False(serve.HasExited, serve.Output);
    }

    [Fact]
    public void MaxInFlightNotAPositiveNumber_HostRefusesToStartWithTheReason()
    {
        var file = Input(PassThroughMultiTsFrame, KafkaInput("input", "raw_multitsframe", "multitsframe", ""),
            KafkaOutput("output", "final_multitsframe", "multitsframe", ""));
        using var serve = new ChildProcess(Paths.Runwire, ["serve", "--urls", "http://127.0.0.1:0", "--data-dir", _dir.Sub("data"), "--consume", file,
            "--Runwire:Auth:Mode=none", "--Runwire:Consume:MaxInFlight=0"],
            new Dictionary<string, string> { ["HD_KAFKA_CONFIGS"] = Configs("127.0.0.1:1").ToJsonString() });
        Assert.True(serve.WaitForExit(TimeSpan.FromSeconds(60)), serve.Output);
        Assert.Equal(2, serve.ExitCode);
        Assert.Contains("Runwire:Consume:MaxInFlight must be a whole number of at least 1, not '0'", serve.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// The input file of a stage passing frames from raw to final, after <paramref name="count"/> messages (first values
    /// 0, 1, …) are on raw; without a key they spread over its four partitions.
    /// </summary>
    private async Task<string> RawToFinalAsync(TestBroker broker, int count)
    {
        using var producer = new JobProducer(broker.Bootstrap);
        await Task.WhenAll(Enumerable.Range(0, count).Select(i => producer.SendAsync(null, Bytes(Message(Frame(i))), topic: Raw)));
        return Input(PassThroughMultiTsFrame, KafkaInput("input", "raw_multitsframe", "multitsframe", ""), KafkaOutput("output", "final_multitsframe", "multitsframe", ""));
    }

    /// <summary>The frame's first value, which tells the messages apart.</summary>
    private static double FirstValue(Received output) =>
        output.Json["value"]!["value"]!["__data__"]!["value"]!.AsObject().First().Value!.GetValue<double>();

    [Fact]
    public void ConsumeInput_WithoutKafkaInputWiring_HostRefusesToStartWithTheReason()
    {
        var file = Input(TestJobs.PassThroughInt, Direct("input", "1"), KafkaOutput("output", "final_metadata(int)", "metadata(int)", ""));
        using var serve = new ChildProcess(Paths.Runwire, ["serve", "--urls", "http://127.0.0.1:0", "--data-dir", _dir.Sub("data"), "--consume", file,
            "--Runwire:Auth:Mode=none"], new Dictionary<string, string> { ["HD_KAFKA_CONFIGS"] = Configs("127.0.0.1:1").ToJsonString() });
        Assert.True(serve.WaitForExit(TimeSpan.FromSeconds(60)), serve.Output);
        Assert.Equal(2, serve.ExitCode);
        Assert.Contains("No kafka input wirings in provided wiring for kafka consumption mode!", serve.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    private static JsonObject Configs(string bootstrap)
    {
        var group = "cm-" + Guid.NewGuid();
        JsonObject Config(string topic, bool consumable) => new()
        {
            ["display_name"] = topic,
            ["topic"] = topic,
            ["consumable"] = consumable,
            ["producer_config"] = new JsonObject { ["bootstrap_servers"] = bootstrap },
            ["consumer_config"] = new JsonObject
            {
                ["bootstrap_servers"] = bootstrap,
                ["group_id"] = $"{group}-{topic}",
                ["auto_offset_reset"] = "earliest",
                ["session_timeout_ms"] = 3000,
                ["heartbeat_interval_ms"] = 500,
            },
            ["consumer_commit_after"] = true,
        };
        return new JsonObject { ["raw"] = Config(Raw, true), ["checked"] = Config(Checked, true), ["final"] = Config(Final, false) };
    }

    /// <summary>The consumption input file: hetida's ExecByIdInput without job_id.</summary>
    private string Input(string transformationId, JsonObject input, JsonObject output)
    {
        var job = Job(transformationId, Guid.Empty, [input], [output]);
        job.Remove("job_id");
        var path = Path.Combine(_dir.Path, $"consume-{Guid.NewGuid()}.json");
        File.WriteAllText(path, job.ToJsonString());
        return path;
    }

    private static string Frame(double value) =>
        new JsonObject
        {
            ["timestamp"] = new JsonArray("2024-01-01T00:00:00+00:00", "2024-01-01T01:00:00+00:00"),
            ["metric"] = new JsonArray("a", "b"),
            ["value"] = new JsonArray(value, value * 2),
        }.ToJsonString();

    private static string Message(string frame) => $$$"""{"value": {"value": {{{frame}}}, "data_type": "multitsframe"}}""";

    private static byte[] Bytes(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
