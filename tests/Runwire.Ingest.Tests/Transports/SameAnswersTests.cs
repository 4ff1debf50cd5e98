using System.Text;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using Runwire.Core.Contracts;
using Runwire.Core.Tests.Support;
using Runwire.Host.Tests.Support;
using Runwire.Ingest.Tests.Support;
using Deliveries = Runwire.Ingest.Tests.Support.Deliveries;

namespace Runwire.Ingest.Tests.Transports;

/// <summary>
/// One intake and answer policy: the same records, produced once to a real Kafka protocol broker, are answered by
/// <c>runwire serve --kafka</c> (a process consuming them) and by Dapr-mode ingest (each record delivered as daprd
/// delivers it, with the partition and offset the broker gave it). Both give every record the same answer.
/// </summary>
public sealed class SameAnswersTests : IDisposable
{
    private const string PassThroughInteger = "57eea09f-d28e-89af-4e81-2027697a3f0f";
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("runwire-same-answers-");
    private readonly Guid _selfNesting = Guid.NewGuid();

    public SameAnswersTests()
    {
        // A workflow whose operator is itself: the engine fails on it (a crash, not a component's error). Persisted
        // before the hosts start, as an import lies in the data folder, for the standalone host and the executor alike.
        var folder = _data.CreateSubdirectory("transformations").FullName;
        File.WriteAllText(Path.Combine(folder, $"{_selfNesting}.json"), TrafoJson.Nesting(_selfNesting, "Ouroboros", _selfNesting).ToJsonString());
    }

    /// <summary>A record of the table: its key (null: none), its bytes, and what a user expects of its answer.</summary>
    private sealed record Row(string Name, string? Key, byte[] Value, bool NamesItsJobId, bool DeadLettered = false, bool Repeat = false);

    private List<Row> Table()
    {
        var valid = Job(PassThroughInteger, Guid.NewGuid(), """{"workflow_input_name": "input", "adapter_id": "direct_provisioning", "filters": {"value": "7"}}""");
        return
        [
            new("valid", "valid", valid, NamesItsJobId: true),
            new("legacy without id", "legacy", File.ReadAllBytes(Runwire.Ingest.Tests.Support.Paths.Example("rul-legacy.json")), NamesItsJobId: false),
            new("undecodable with key", "undecodable", Encoding.UTF8.GetBytes("hello kafka"), NamesItsJobId: false, DeadLettered: true),
            new("undecodable without key", null, Encoding.UTF8.GetBytes("{\"id\": \"57eea09f"), NamesItsJobId: false, DeadLettered: true),
            new("unknown id", "unknown", Job("00000000-0000-0000-0000-00000000dead", Guid.NewGuid(), ""), NamesItsJobId: true),
            new("engine crash", "crash", Job(_selfNesting.ToString(), Guid.NewGuid(), ""), NamesItsJobId: true),
            new("redelivered", "valid", valid, NamesItsJobId: true, Repeat: true),
        ];
    }

    [Fact]
    public async Task TheSameRecords_ThroughStandaloneKafkaAndDaprIngest_GetTheSameAnswers()
    {
        var table = Table();
        var answered = table.Count(r => !r.Repeat);
        using var broker = new TestBroker();
        using var serve = await ServeProcess.StartAsync(_data.FullName, broker.Bootstrap);
        using var results = new TopicReader(broker.Bootstrap);
        using var letters = new TopicReader(broker.Bootstrap, Topics.DeadLetters);
        using var producer = new JobProducer(broker.Bootstrap);
        var placed = new List<(Row Row, TopicPartitionOffset At)>();
        foreach (var row in table)
        {
            placed.Add((row, (await producer.SendAsync(row.Key, row.Value)).TopicPartitionOffset));
        }
        await results.WaitCountAsync(answered, TimeSpan.FromSeconds(120));
        var standalone = (await results.SettleAsync(TimeSpan.FromSeconds(1))).Select(r => (r.Key, r.Json)).ToList();
        var standaloneLetters = (await letters.SettleAsync(TimeSpan.FromSeconds(1))).Select(l => l.Key).ToList();

        await using var fx = new WorkflowFixture();
        await fx.StartAsync(executorData: _data.FullName);
        var daprLetters = new List<string?>();
        foreach (var (row, at) in placed)
        {
            if (await fx.DeliverAsync(Deliveries.Record(row.Value, row.Key, at.Partition.Value, at.Offset.Value)) == "DROP")
            {
                daprLetters.Add(row.Key);
            }
        }
        // Every decoded record runs as a workflow instance under its job id; once they are done, every answer is out
        // (the undecodable ones were published before their delivery was answered).
        foreach (var (row, at) in placed.Where(p => !p.Row.DeadLettered && !p.Row.Repeat))
        {
            var id = row.NamesItsJobId ? JsonNode.Parse(row.Value)!["job_id"]!.GetValue<string>() : RecordJobId.From(at.Topic, at.Partition.Value, at.Offset.Value).ToString("D");
            await fx.WaitAsync(id);
        }
        var dapr = fx.Dapr.Publishes.Select(p => (Key: p.Metadata.GetValueOrDefault("partitionKey"), Json: JsonNode.Parse(p.Data)!.AsObject())).ToList();

        Assert.True(standalone.Count == answered, $"standalone answered {standalone.Count} of {answered}:\n{serve.Output}");
        Assert.Equal(answered, dapr.Count);
        var wrong = new List<string>();
        foreach (var (row, at) in placed.Where(p => !p.Row.Repeat))
        {
            var mine = (Standalone: standalone.Single(a => a.Key == row.Key).Json, Dapr: dapr.Single(a => a.Key == row.Key).Json);
            if (!JsonNode.DeepEquals(Answer(mine.Standalone), Answer(mine.Dapr)))
            {
                wrong.Add($"{row.Name}:\n  standalone {Answer(mine.Standalone).ToJsonString()}\n  dapr       {Answer(mine.Dapr).ToJsonString()}");
            }
            var ids = (Guid.Parse(mine.Standalone["job_id"]!.GetValue<string>()), Guid.Parse(mine.Dapr["job_id"]!.GetValue<string>()));
            if (row.NamesItsJobId)
            {
                Assert.Equal(ids.Item1, ids.Item2);
            }
            else
            {
                // Known by where the record lies: name-based ids, the standalone host's also scoped to the cluster and topic id.
                Assert.Equal((8, 8), (ids.Item1.Version, ids.Item2.Version));
                Assert.Equal(RecordJobId.From(at.Topic, at.Partition.Value, at.Offset.Value), ids.Item2);
            }
        }
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
        string?[] undecodable = [.. table.Where(r => r.DeadLettered).Select(r => r.Key)];
        Assert.Equal(undecodable.Order(), standaloneLetters.Order());
        Assert.Equal(undecodable.Order(), daprLetters.Order());
    }

    public void Dispose() => _data.Delete(recursive: true);

    private static byte[] Job(string id, Guid jobId, string inputWiring) => Encoding.UTF8.GetBytes(
        $$$"""{"id": "{{{id}}}", "job_id": "{{{jobId}}}", "wiring": {"input_wirings": [{{{inputWiring}}}], "output_wirings": []}}""");

    /// <summary>What a consumer of the result reads: outcome, error and outputs; not timings, process ids or tracebacks.</summary>
    private static JsonObject Answer(JsonObject result) => new()
    {
        ["result"] = result["result"]?.DeepClone(),
        ["error"] = result["error"] is JsonObject error
            ? new JsonObject { ["type"] = error["type"]?.DeepClone(), ["process_stage"] = error["process_stage"]?.DeepClone(), ["message"] = error["message"]?.DeepClone() }
            : null,
        ["output_results_by_output_name"] = result["output_results_by_output_name"]?.DeepClone(),
        ["output_types_by_output_name"] = result["output_types_by_output_name"]?.DeepClone(),
    };
}
