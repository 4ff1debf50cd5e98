using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Runwire.Core.Contracts;

namespace Runwire.DataAdapters.Kafka;

/// <summary>
/// Reads the Kafka configs from <c>Runwire:Adapters:Kafka:Configs:&lt;key&gt;</c> and from hetida's <c>HD_KAFKA_CONFIGS</c>
/// (a JSON object of hetida <c>KafkaConfig</c>s by key); a key in both takes Runwire's. <c>KAFKA_ADAPTER_ACTIVE=false</c>
/// turns the adapter off as in hetida. A config hetida would refuse is refused at startup with the reason.
/// </summary>
internal static class KafkaSettings
{
    public static KafkaOptions? From(IConfigurationSection section, IConfiguration root)
    {
        if (bool.TryParse(root["KAFKA_ADAPTER_ACTIVE"], out var active) && !active)
        {
            return null;
        }
        var configs = new Dictionary<string, KafkaTopicConfig>(StringComparer.Ordinal);
        if (root["HD_KAFKA_CONFIGS"] is { Length: > 0 } json)
        {
            foreach (var (key, node) in Parse(json))
            {
                configs[key] = FromHetida(key, node as JsonObject ?? throw Invalid(key, "is not a JSON object"));
            }
        }
        foreach (var config in section.GetSection("Configs").GetChildren())
        {
            configs[config.Key] = FromSection(config);
        }
        if (configs.Count == 0)
        {
            return null;
        }
        var timeout = double.TryParse(section["ReceiveTimeoutSeconds"], System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds) : KafkaOptions.DefaultReceiveTimeout;
        return new KafkaOptions(configs, timeout);
    }

    private static JsonObject Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject ?? throw new InvalidOperationException("HD_KAFKA_CONFIGS is not a JSON object of Kafka configs by key.");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"HD_KAFKA_CONFIGS is not valid JSON: {e.Message}", e);
        }
    }

    private static KafkaTopicConfig FromHetida(string key, JsonObject c) => Checked(key, new KafkaTopicConfig(
        Text(c["display_name"], key, "display_name"),
        Text(c["topic"], key, "topic"),
        c["types"] is JsonArray types ? [.. types.Select(t => Type(key, t?.GetValue<string>()))] : null,
        Bool(c["producable"], key, "producable") ?? true,
        Bool(c["consumable"], key, "consumable") ?? false,
        ClientProperties.From(c["producer_config"] as JsonObject, $"Kafka config {key}: producer_config"),
        ClientProperties.From(c["consumer_config"] as JsonObject, $"Kafka config {key}: consumer_config"),
        Bool(c["consumer_commit_after"], key, "consumer_commit_after") ?? false,
        Bool(c["consumer_commit_before"], key, "consumer_commit_before") ?? false,
        Bool(c["continue_consumption_after_exception"], key, "continue_consumption_after_exception") ?? false));

    private static KafkaTopicConfig FromSection(IConfigurationSection c) => Checked(c.Key, new KafkaTopicConfig(
        c["DisplayName"] ?? c.Key,
        c["Topic"] ?? "",
        c.GetSection("Types").Exists() ? [.. c.GetSection("Types").GetChildren().Select(t => Type(c.Key, t.Value))] : null,
        SectionBool(c, "Producable") ?? true,
        SectionBool(c, "Consumable") ?? false,
        Properties(c.GetSection("ProducerConfig"), $"{c.Path}:ProducerConfig"),
        Properties(c.GetSection("ConsumerConfig"), $"{c.Path}:ConsumerConfig"),
        SectionBool(c, "ConsumerCommitAfter") ?? false,
        SectionBool(c, "ConsumerCommitBefore") ?? false,
        SectionBool(c, "ContinueConsumptionAfterException") ?? false));

    private static KafkaTopicConfig Checked(string key, KafkaTopicConfig config) =>
        config.DisplayName.Length == 0 ? throw Invalid(key, "needs a non-empty display_name")
        : config.Topic.Length == 0 ? throw Invalid(key, "needs a non-empty topic")
        : key.Length == 0 ? throw Invalid(key, "needs a non-empty key")
        : config;

    private static Dictionary<string, string> Properties(IConfigurationSection section, string where)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var child in section.GetChildren())
        {
            // A list (bootstrap servers as :0, :1, …) joins to librdkafka's comma-separated form.
            var value = child.Value ?? string.Join(',', child.GetChildren().Select(c => c.Value));
            ClientProperties.Add(result, child.Key, value, where);
        }
        return result;
    }

    private static string Type(string key, string? type) =>
        type is not null && ExternalTypes.Normalize(type) is { } canonical ? canonical
        : throw Invalid(key, $"offers the unknown type '{type}' (known: {string.Join(", ", ExternalTypes.Canonical)})");

    private static string Text(JsonNode? node, string key, string field) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw Invalid(key, $"needs {field} as a string");

    private static bool? Bool(JsonNode? node, string key, string field) =>
        node is null ? null : node is JsonValue v && v.TryGetValue<bool>(out var b) ? b : throw Invalid(key, $"needs {field} as true or false");

    private static bool? SectionBool(IConfigurationSection c, string name) =>
        c[name] is not { } text ? null : bool.TryParse(text, out var b) ? b : throw Invalid(c.Key, $"needs {name} as true or false, not '{text}'");

    private static InvalidOperationException Invalid(string key, string why) => new($"Kafka config '{key}' {why}.");
}
