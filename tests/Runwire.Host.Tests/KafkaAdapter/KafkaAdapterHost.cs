using System.Text;
using System.Text.Json.Nodes;
using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.KafkaAdapter;

/// <summary>
/// A test broker and a <c>runwire serve</c> host whose Kafka adapter is configured through hetida's
/// <c>HD_KAFKA_CONFIGS</c> (and one config through Runwire's own keys), shared by one test class. Every test uses
/// topics of its own.
/// </summary>
public sealed class KafkaAdapterHost : IAsyncLifetime
{
    public const string SeriesTopic = "ka-series";
    public const string GridTopic = "ka-grid";
    public const string IndexTopic = "ka-index";
    public const string RawTopic = "ka-raw";
    public const string BadTopic = "ka-bad";
    public const string RunwireKeysTopic = "ka-runwire-keys";

    private readonly TempDirectory _dir = new();
    private TestBroker? _broker;
    private ServeProcess? _serve;
    private JobProducer? _producer;

    internal ServeProcess Serve => _serve ?? throw new InvalidOperationException("The host has not started.");

    internal string Bootstrap => _broker?.Bootstrap ?? throw new InvalidOperationException("The broker has not started.");

    /// <summary>Sends a record without a key to a topic, as a data producer would.</summary>
    internal Task ProduceAsync(string topic, string value) => _producer!.SendAsync(null, Encoding.UTF8.GetBytes(value), topic: topic);

    public async ValueTask InitializeAsync()
    {
        _broker = new TestBroker(SeriesTopic, GridTopic, IndexTopic, RawTopic, BadTopic, RunwireKeysTopic);
        _producer = new JobProducer(_broker.Bootstrap);
        var environment = new Dictionary<string, string> { ["HD_KAFKA_CONFIGS"] = HetidaConfigs(_broker.Bootstrap).ToJsonString() };
        var group = "ka-" + Guid.NewGuid();
        _serve = await ServeProcess.StartAsync(_dir.Path, null, "unused", environment,
            "--Runwire:Adapters:Kafka:ReceiveTimeoutSeconds=30",
            $"--Runwire:Adapters:Kafka:Configs:runwire_keys:Topic={RunwireKeysTopic}",
            "--Runwire:Adapters:Kafka:Configs:runwire_keys:DisplayName=Configured the Runwire way",
            "--Runwire:Adapters:Kafka:Configs:runwire_keys:Types:0=series(float)",
            "--Runwire:Adapters:Kafka:Configs:runwire_keys:Consumable=true",
            $"--Runwire:Adapters:Kafka:Configs:runwire_keys:ProducerConfig:bootstrap.servers={_broker.Bootstrap}",
            $"--Runwire:Adapters:Kafka:Configs:runwire_keys:ConsumerConfig:bootstrap.servers={_broker.Bootstrap}",
            $"--Runwire:Adapters:Kafka:Configs:runwire_keys:ConsumerConfig:group_id={group}-rw",
            "--Runwire:Adapters:Kafka:Configs:runwire_keys:ConsumerConfig:auto_offset_reset=earliest",
            "--Runwire:Adapters:Kafka:Configs:runwire_keys:ConsumerConfig:session.timeout.ms=3000",
            "--Runwire:Adapters:Kafka:Configs:runwire_keys:ConsumerConfig:heartbeat.interval.ms=500").ConfigureAwait(false);
    }

    /// <summary>hetida's example shape: configs by key, aiokafka's client settings.</summary>
    private static JsonObject HetidaConfigs(string bootstrap)
    {
        var group = "ka-" + Guid.NewGuid();
        JsonObject Consumer(string name) => new()
        {
            ["bootstrap_servers"] = new JsonArray(bootstrap),
            ["group_id"] = $"{group}-{name}",
            ["auto_offset_reset"] = "earliest",
            // The mock cluster rebalances in about the session timeout (kafka-local.md), and every load joins the group anew.
            ["session_timeout_ms"] = 3000,
            ["heartbeat_interval_ms"] = 500,
        };
        JsonObject Producer() => new() { ["bootstrap_servers"] = new JsonArray(bootstrap) };
        return new JsonObject
        {
            ["series_out"] = new JsonObject
            {
                ["display_name"] = "Series results",
                ["topic"] = SeriesTopic,
                ["types"] = new JsonArray("series(float)", "metadata(str)", "multitsframe"),
                ["producer_config"] = Producer(),
                ["consumable"] = false,
                ["producable"] = true,
            },
            ["grid"] = new JsonObject
            {
                ["display_name"] = "Grids",
                ["topic"] = GridTopic,
                ["types"] = new JsonArray("series(float)", "series(int)"),
                ["producer_config"] = Producer(),
                ["consumer_config"] = Consumer("grid"),
                ["consumable"] = true,
            },
            ["index"] = new JsonObject
            {
                ["display_name"] = "Indices",
                ["topic"] = IndexTopic,
                ["types"] = new JsonArray("series(float)"),
                ["producer_config"] = Producer(),
            },
            ["raw"] = new JsonObject
            {
                ["display_name"] = "Raw data",
                ["topic"] = RawTopic,
                ["consumer_config"] = Consumer("raw"),
                ["consumable"] = true,
                ["producable"] = false,
            },
            ["bad"] = new JsonObject
            {
                ["display_name"] = "Bad data",
                ["topic"] = BadTopic,
                ["types"] = new JsonArray("series(float)", "metadata(int)"),
                ["consumer_config"] = Consumer("bad"),
                ["consumable"] = true,
            },
        };
    }

    /// <summary>Runs a job on the synchronous execute endpoint and returns its result.</summary>
    internal Task<JsonObject> ExecuteAsync(JsonObject job) => KafkaJobs.ExecuteAsync(Serve, job);

    public ValueTask DisposeAsync()
    {
        _serve?.Dispose();
        _producer?.Dispose();
        _broker?.Dispose();
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }
}
