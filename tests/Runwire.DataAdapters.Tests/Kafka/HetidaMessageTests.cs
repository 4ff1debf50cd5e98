using System.Text;
using System.Text.Json.Nodes;
using Runwire.Core.Codecs;
using Runwire.Core.Data;
using Runwire.DataAdapters.Kafka;

namespace Runwire.DataAdapters.Tests.Kafka;

/// <summary>
/// The kafka adapter writes the messages hetida's kafka adapter writes: every case of Data/kafka-messages.json was
/// written by hetida v0.9.8's own models (tools/kafka-messages/generate.py) from the same values, and Runwire's writer
/// must give the same JSON, number for number and key for key.
/// </summary>
public sealed class HetidaMessageTests
{
    private static readonly JsonObject Document =
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "kafka-messages.json")))!.AsObject();

    public static TheoryData<string> Cases() => [.. Document["cases"]!.AsArray().Select(c => c!["name"]!.GetValue<string>())];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Write_SameValues_SameMessageAsHetidas(string name)
    {
        var entry = Document["cases"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == name)!;
        var values = entry["values"]!.AsArray().Select(v => (
            ValueKey: v!["value_key"]?.GetValue<string>(),
            DataType: v["external_type"]!.GetValue<string>(),
            OutputName: v["output_name"]!.GetValue<string>(),
            Value: ValueParser.Parse(v["value"]!.GetValue<string>(), DataTypes.FromJson(v["data_type"]!.GetValue<string>())!.Value))).ToList();

        var written = KafkaMessage.Write(Guid.Parse(Document["transformation_id"]!.GetValue<string>()), Guid.Parse(Document["job_id"]!.GetValue<string>()),
            DateTimeOffset.Parse(Document["message_creation_timestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).UtcDateTime, values);

        // Key order and every token as written (JsonNode keeps number tokens as they were), whitespace aside.
        Assert.Equal(JsonNode.Parse(entry["expected"]!.GetValue<string>())!.ToJsonString(), JsonNode.Parse(Encoding.UTF8.GetString(written))!.ToJsonString());
    }

    [Fact]
    public void Read_HetidasMessages_GiveBackTheirValues()
    {
        foreach (var entry in Document["cases"]!.AsArray())
        {
            var multi = entry!["values"]!.AsArray().Any(v => v!["value_key"] is not null);
            var message = KafkaMessage.Read(Encoding.UTF8.GetBytes(entry["expected"]!.GetValue<string>()), multi);
            Assert.Equal(Document["job_id"]!.GetValue<string>(), message.JobId);
            Assert.Equal(entry["values"]!.AsArray().Select(v => (v!["value_key"]?.GetValue<string>() ?? KafkaMessage.Single, v["external_type"]!.GetValue<string>())),
                message.Values.Select(v => (v.Key, v.Value.DataType)));
        }
    }
}
