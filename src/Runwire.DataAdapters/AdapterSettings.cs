using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Runwire.DataAdapters.GenericRest;
using Runwire.DataAdapters.Kafka;
using Runwire.DataAdapters.LocalFile;
using Runwire.DataAdapters.Sql;

namespace Runwire.DataAdapters;

/// <summary>
/// Adapter configuration under <c>Runwire:Adapters</c>, with hetida's environment variables as a second source:
/// <c>RUNTIME_LOCAL_FILE_ADAPTER_LOCAL_DIRECTORIES</c> (JSON list of roots), <c>SQL_ADAPTER_SQL_DATABASES</c> (JSON list of
/// hetida database configs), <c>HD_KAFKA_CONFIGS</c> (JSON object of hetida Kafka configs) and <c>HETIDA_DESIGNER_ADAPTERS</c> (<c>id|name|externalUrl|internalUrl,…</c>; the internal URL is used).
/// </summary>
public sealed record AdapterSettings(
    LocalFileOptions? LocalFile,
    SqlOptions? Sql,
    IReadOnlyList<RestAdapterOptions> External,
    long MaxBodyBytes,
    KafkaOptions? Kafka = null)
{
    public static AdapterSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Runwire:Adapters");
        var maxResponse = Long(section["MaxResponseBytes"]) ?? RestAdapterOptions.DefaultMaxResponseBytes;
        return new AdapterSettings(
            LocalFileFrom(section.GetSection("LocalFile"), configuration),
            SqlFrom(section.GetSection("Sql"), configuration),
            ExternalFrom(section.GetSection("External"), configuration, maxResponse),
            Long(section["MaxBodyBytes"]) ?? Protocol.ProtocolAdapters.DefaultMaxBodyBytes,
            KafkaSettings.From(section.GetSection("Kafka"), configuration));
    }

    private static LocalFileOptions? LocalFileFrom(IConfigurationSection section, IConfiguration root)
    {
        var roots = Strings(section.GetSection("Roots"));
        if (roots.Count == 0 && root["RUNTIME_LOCAL_FILE_ADAPTER_LOCAL_DIRECTORIES"] is { Length: > 0 } json)
        {
            roots = [.. (JsonNode.Parse(json) as JsonArray ?? []).Select(n => n!.GetValue<string>())];
        }
        if (roots.Count == 0)
        {
            return null;
        }
        var sinks = Bool(section["GenericDataFrameSinks"]) ?? Bool(root["RUNTIME_LOCAL_FILE_ADAPTER_GENERIC_DATAFRAME_SINKS"]) ?? true;
        return new LocalFileOptions(roots, sinks, Long(section["MaxFileBytes"]) ?? LocalFileOptions.DefaultMaxFileBytes);
    }

    private static SqlOptions? SqlFrom(IConfigurationSection section, IConfiguration root)
    {
        var databases = section.GetSection("Databases").GetChildren().Select(d => new SqlDatabaseOptions(
            d["Key"] ?? throw new InvalidOperationException($"{d.Path}:Key is missing."),
            d["Name"] ?? d["Key"]!,
            d["ConnectionString"] ?? throw new InvalidOperationException($"{d.Path}:ConnectionString is missing."),
            Strings(d.GetSection("AppendTables")),
            Strings(d.GetSection("ReplaceTables")),
            Strings(d.GetSection("IgnoreTables")),
            d.GetSection("ExplicitSourceTables").Exists() ? Strings(d.GetSection("ExplicitSourceTables")) : null,
            d.GetSection("TimeseriesTables").GetChildren().ToDictionary(t => t.Key, t => new TimeseriesTableOptions(
                Bool(t["Appendable"]) ?? true,
                t["MetricColumn"] ?? "metric",
                t["TimestampColumn"] ?? "timestamp",
                t.GetSection("FetchableValueColumns").Exists() ? Strings(t.GetSection("FetchableValueColumns")) : null,
                t.GetSection("WritableValueColumns").Exists() ? Strings(t.GetSection("WritableValueColumns")) : null)))).ToList();
        if (databases.Count == 0 && Bool(root["SQL_ADAPTER_ACTIVE"]) != false && root["SQL_ADAPTER_SQL_DATABASES"] is { Length: > 0 } json)
        {
            databases = [.. (JsonNode.Parse(json) as JsonArray ?? []).OfType<JsonObject>().Select(HetidaDatabase)];
        }
        if (databases.Count == 0)
        {
            return null;
        }
        var keys = databases.GroupBy(d => d.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        return keys.Count > 0
            ? throw new InvalidOperationException($"Configured db keys not unique: {string.Join(", ", keys)}")
            : new SqlOptions(databases, (int?)Long(section["StatementTimeoutSeconds"]) ?? 60, (int?)Long(section["MaxRows"]) ?? 20_000_000);
    }

    private static SqlDatabaseOptions HetidaDatabase(JsonObject d) => new(
        d["key"]!.GetValue<string>(),
        d["name"]?.GetValue<string>() ?? d["key"]!.GetValue<string>(),
        d["connection_url"]!.GetValue<string>(),
        List(d["append_tables"]),
        List(d["replace_tables"]),
        List(d["ignore_tables"]),
        d["explicit_source_tables"] is JsonArray ? List(d["explicit_source_tables"]) : null,
        (d["timeseries_tables"] as JsonObject ?? []).ToDictionary(t => t.Key, t => new TimeseriesTableOptions(
            t.Value?["appendable"]?.GetValue<bool>() ?? true,
            t.Value?["metric_col_name"]?.GetValue<string>() ?? "metric",
            t.Value?["timestamp_col_name"]?.GetValue<string>() ?? "timestamp",
            t.Value?["fetchable_value_cols"] is JsonArray ? List(t.Value["fetchable_value_cols"]) : null,
            t.Value?["writable_value_cols"] is JsonArray ? List(t.Value["writable_value_cols"]) : null)));

    private static List<RestAdapterOptions> ExternalFrom(IConfigurationSection section, IConfiguration root, long maxResponse)
    {
        var result = section.GetChildren().Where(c => !string.IsNullOrEmpty(c.Value))
            .Select(c => new RestAdapterOptions(c.Key, new Uri(c.Value!), maxResponse, ApiKey(root, c.Key))).ToList();
        if (root["HETIDA_DESIGNER_ADAPTERS"] is { Length: > 0 } hetida)
        {
            foreach (var entry in hetida.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = entry.Split('|');
                if (parts.Length != 4)
                {
                    throw new InvalidOperationException($"Wrong adapter configuration format in HETIDA_DESIGNER_ADAPTERS: '{entry}' needs id|name|externalUrl|internalUrl.");
                }
                if (result.All(r => r.Id != parts[0]))
                {
                    result.Add(new RestAdapterOptions(parts[0], new Uri(parts[3]), maxResponse, ApiKey(root, parts[0])));
                }
            }
        }
        return result;
    }

    // An adapters service with authentication on (docs/security.md) wants a key: read for loads, admin for sends.
    private static string? ApiKey(IConfiguration root, string id) =>
        root[$"Runwire:Adapters:ExternalApiKeys:{id}"] is { Length: > 0 } key ? key : null;

    private static List<string> Strings(IConfigurationSection section) =>
        [.. section.GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Length > 0)];

    private static List<string> List(JsonNode? node) => node is JsonArray a ? [.. a.Select(n => n!.GetValue<string>())] : [];

    private static bool? Bool(string? text) => bool.TryParse(text, out var b) ? b : null;

    private static long? Long(string? text) => long.TryParse(text, out var l) ? l : null;
}
