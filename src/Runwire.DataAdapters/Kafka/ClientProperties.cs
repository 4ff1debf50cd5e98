using System.Globalization;
using System.Text.Json.Nodes;

namespace Runwire.DataAdapters.Kafka;

/// <summary>
/// Turns a Kafka config's <c>consumer_config</c> / <c>producer_config</c> into librdkafka properties. hetida passes
/// these to aiokafka as keyword arguments (<c>bootstrap_servers</c>, <c>group_id</c>, …), so aiokafka's names are
/// translated; librdkafka's own dotted names pass through. A name with neither meaning is refused at startup rather
/// than dropped, except aiokafka settings that only tune its Python client and have nothing to configure here.
/// </summary>
internal static class ClientProperties
{
    private static readonly Dictionary<string, string> AioKafkaNames = new(StringComparer.Ordinal)
    {
        ["bootstrap_servers"] = "bootstrap.servers",
        ["client_id"] = "client.id",
        ["group_id"] = "group.id",
        ["auto_offset_reset"] = "auto.offset.reset",
        ["enable_auto_commit"] = "enable.auto.commit",
        ["auto_commit_interval_ms"] = "auto.commit.interval.ms",
        ["session_timeout_ms"] = "session.timeout.ms",
        ["heartbeat_interval_ms"] = "heartbeat.interval.ms",
        ["max_poll_interval_ms"] = "max.poll.interval.ms",
        ["fetch_max_wait_ms"] = "fetch.wait.max.ms",
        ["fetch_min_bytes"] = "fetch.min.bytes",
        ["fetch_max_bytes"] = "fetch.max.bytes",
        ["max_partition_fetch_bytes"] = "max.partition.fetch.bytes",
        ["isolation_level"] = "isolation.level",
        ["request_timeout_ms"] = "request.timeout.ms",
        ["retry_backoff_ms"] = "retry.backoff.ms",
        ["metadata_max_age_ms"] = "metadata.max.age.ms",
        ["connections_max_idle_ms"] = "connections.max.idle.ms",
        ["security_protocol"] = "security.protocol",
        ["sasl_mechanism"] = "sasl.mechanism",
        ["sasl_plain_username"] = "sasl.username",
        ["sasl_plain_password"] = "sasl.password",
        ["acks"] = "acks",
        ["compression_type"] = "compression.type",
        ["linger_ms"] = "linger.ms",
        ["max_batch_size"] = "batch.size",
        ["max_request_size"] = "message.max.bytes",
        ["enable_idempotence"] = "enable.idempotence",
        ["transactional_id"] = "transactional.id",
    };

    // aiokafka-only tuning of the Python client: accepted so hetida configs carry over, nothing to set in librdkafka.
    private static readonly HashSet<string> PythonOnly =
        ["api_version", "max_poll_records", "consumer_timeout_ms", "check_crcs", "exclude_internal_topics", "rebalance_timeout_ms"];

    public static Dictionary<string, string> From(JsonObject? settings, string where)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in settings ?? [])
        {
            Add(result, name, Text(value, $"{where}.{name}"), where);
        }
        return result;
    }

    public static void Add(Dictionary<string, string> properties, string name, string? value, string where)
    {
        if (value is null || PythonOnly.Contains(name))
        {
            return;
        }
        if (AioKafkaNames.TryGetValue(name, out var librdkafka))
        {
            properties[librdkafka] = librdkafka == "security.protocol" ? value.ToLowerInvariant() : value;
        }
        else if (name.Contains('.', StringComparison.Ordinal))
        {
            properties[name] = value;
        }
        else
        {
            throw new InvalidOperationException(
                $"{where}: '{name}' is neither an aiokafka setting Runwire knows (bootstrap_servers, group_id, …) nor a librdkafka property (bootstrap.servers, group.id, …).");
        }
    }

    private static string? Text(JsonNode? value, string where) => value switch
    {
        null => null,
        JsonArray list => string.Join(',', list.Select(v => Text(v, where))),
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<double>(out var d) => d.ToString(CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"{where}: a {value.GetValueKind()} is not a client setting value."),
    };
}
