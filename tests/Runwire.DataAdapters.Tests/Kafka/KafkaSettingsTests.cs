using Microsoft.Extensions.Configuration;
using Runwire.Core.Contracts;
using Runwire.DataAdapters.Kafka;

namespace Runwire.DataAdapters.Tests.Kafka;

/// <summary>The Kafka adapter's configuration: hetida's HD_KAFKA_CONFIGS as it is, Runwire's keys, and clear refusals.</summary>
public sealed class KafkaSettingsTests
{
    private const string HetidaExample = """
        {"kafka_config_ts_input": {"display_name": "Timeseries inputs", "topic": "ts-ingestion", "types": ["multitsframe"],
           "consumable": true, "consumer_config": {"bootstrap_servers": ["localhost:9094", "other:9094"], "group_id": "g",
           "enable_auto_commit": false, "api_version": "auto"}, "producable": false},
         "ingestion_status": {"display_name": "Timeseries Quality evaluation results", "topic": "ts-quality",
           "types": ["multitsframe", "metadata(str)"], "producer_config": {"bootstrap_servers": ["localhost:9094"], "linger_ms": 5},
           "consumable": false, "producable": true, "consumer_commit_after": true}}
        """;

    private static KafkaOptions? From(Dictionary<string, string?> values) =>
        AdapterSettings.From(new ConfigurationBuilder().AddInMemoryCollection(values).Build()).Kafka;

    [Fact]
    public void From_HetidaExample_ConfigsWithLibrdkafkaProperties()
    {
        var options = From(new() { ["HD_KAFKA_CONFIGS"] = HetidaExample })!;

        var input = options.Configs["kafka_config_ts_input"];
        Assert.Equal(("ts-ingestion", true, false), (input.Topic, input.Consumable, input.Producable));
        Assert.Equal(new Dictionary<string, string>
        {
            ["bootstrap.servers"] = "localhost:9094,other:9094",
            ["group.id"] = "g",
            ["enable.auto.commit"] = "false",
        }, input.ConsumerConfig);
        var status = options.Configs["ingestion_status"];
        Assert.Equal(["multitsframe", "metadata(string)"], status.OfferedTypes);
        Assert.Equal("5", status.ProducerConfig["linger.ms"]);
        Assert.True(status.ConsumerCommitAfter);
        Assert.Equal(KafkaOptions.DefaultReceiveTimeout, options.ReceiveTimeout);
    }

    [Fact]
    public void From_RunwireKeys_WinOverTheSameKeyInHdKafkaConfigs()
    {
        var options = From(new()
        {
            ["HD_KAFKA_CONFIGS"] = HetidaExample,
            ["Runwire:Adapters:Kafka:Configs:ingestion_status:Topic"] = "elsewhere",
            ["Runwire:Adapters:Kafka:Configs:ingestion_status:ProducerConfig:bootstrap.servers"] = "b:1",
            ["Runwire:Adapters:Kafka:ReceiveTimeoutSeconds"] = "2.5",
        })!;

        var status = options.Configs["ingestion_status"];
        Assert.Equal(("elsewhere", "ingestion_status", true, false), (status.Topic, status.DisplayName, status.Producable, status.Consumable));
        Assert.Equal(ExternalTypes.Canonical, status.OfferedTypes);
        Assert.Equal("b:1", status.ProducerConfig["bootstrap.servers"]);
        Assert.Equal("ts-ingestion", options.Configs["kafka_config_ts_input"].Topic);
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.ReceiveTimeout);
    }

    [Fact]
    public void From_NothingOrInactive_NoAdapter()
    {
        Assert.Null(From([]));
        Assert.Null(From(new() { ["HD_KAFKA_CONFIGS"] = HetidaExample, ["KAFKA_ADAPTER_ACTIVE"] = "false" }));
    }

    [Theory]
    [InlineData("""{"a": {"display_name": "A", "topic": "t", "consumer_config": {"max_records": 5}}}""", "Kafka config a: consumer_config: 'max_records' is neither")]
    [InlineData("""{"a": {"display_name": "A"}}""", "Kafka config 'a' needs topic as a string.")]
    [InlineData("""{"a": {"display_name": "", "topic": "t"}}""", "Kafka config 'a' needs a non-empty display_name.")]
    [InlineData("""{"a": {"display_name": "A", "topic": "t", "types": ["metadata(text)"]}}""", "Kafka config 'a' offers the unknown type 'metadata(text)'")]
    [InlineData("""{"a": {"display_name": "A", "topic": "t", "consumable": "yes"}}""", "Kafka config 'a' needs consumable as true or false.")]
    [InlineData("""{"a": """, "HD_KAFKA_CONFIGS is not valid JSON")]
    [InlineData("""["a"]""", "HD_KAFKA_CONFIGS is not a JSON object")]
    public void From_InvalidHdKafkaConfigs_RefusedWithTheReason(string json, string reason)
    {
        var e = Assert.Throws<InvalidOperationException>(() => From(new() { ["HD_KAFKA_CONFIGS"] = json }));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("raw_multitsframe:", "raw_multitsframe:a", "Detected multi value kafka message input wiring")]
    [InlineData("raw_multitsframe:a", "other_multitsframe:b", "More than one kafka_config present")]
    [InlineData("raw_multitsframe:x:a", "raw_multitsframe:y:b", "More than one message identifier")]
    [InlineData("raw_multitsframe:a", "out_multitsframe:b", "does not allow consumption")]
    public void Consumption_InputWiringsThatCannotBeConsumedTogether_RefusedAsHetidaRefusesThem(string first, string second, string reason)
    {
        var options = From(new()
        {
            ["HD_KAFKA_CONFIGS"] = """
                {"raw": {"display_name": "R", "topic": "r", "consumable": true}, "other": {"display_name": "O", "topic": "o", "consumable": true},
                 "out": {"display_name": "Out", "topic": "out"}}
                """,
        });
        var e = Assert.Throws<InvalidOperationException>(() => KafkaConsumption.For(options, new WorkflowWiring([Wiring("a", first), Wiring("b", second)], [])));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);

        var plan = KafkaConsumption.For(options, new WorkflowWiring([Wiring("a", "raw_multitsframe:m:x"), Wiring("b", "raw_multitsframe:m:y")], []));
        Assert.Equal(("raw", true, "m"), (plan.ConfigKey, plan.Multi, plan.Identifier));
    }

    // "<id>:<message_value_key filter>"
    private static InputWiring Wiring(string input, string idAndKey)
    {
        var at = idAndKey.IndexOf(':', StringComparison.Ordinal);
        return new InputWiring(input, new AdapterId("kafka", false), idAndKey[..at], "SOURCE", null, "multitsframe",
            Filters: new Dictionary<string, string> { ["message_value_key"] = idAndKey[(at + 1)..] });
    }
}
