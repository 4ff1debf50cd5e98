using Runwire.Core.Adapters;
using Runwire.Core.Contracts;

namespace Runwire.DataAdapters.Kafka;

/// <summary>
/// hetida's Kafka source and sink ids, <c>&lt;config key&gt;_&lt;external type&gt;</c> (split at the last underscore),
/// and the <c>message_value_key</c> filter, <c>[message_identifier:]value_key</c>.
/// </summary>
internal static class KafkaIds
{
    /// <summary>hetida's exception class for ids that name no offered source or sink.</summary>
    public const string ParsingError = "KafkaAdapterIdParsingException";

    public static string Id(string key, string type) => key + "_" + type;

    /// <summary>The config key, its config and the canonical type of a source (consumable) or sink (producable) id.</summary>
    public static (string Key, KafkaTopicConfig Config, string Type) Parse(KafkaOptions options, string id, bool source)
    {
        var at = id.LastIndexOf('_');
        if (at < 0)
        {
            throw new AdapterException(ParsingError, $"Failed parsing Kafka id string {id} during splitting into appropriate parts.");
        }
        var key = id[..at];
        var type = ExternalTypes.Normalize(id[(at + 1)..])
            ?? throw new AdapterException(ParsingError,
                $"Could not extract type from id str {id}. Extracted {id[(at + 1)..]} does not correspond to any valid external type.");
        if (!options.Configs.TryGetValue(key, out var config))
        {
            throw new AdapterException(ParsingError, $"There is no KafkaConfig configured with key {key} parsed from id string {id}");
        }
        var (kind, allowed) = source ? ("source", config.Consumable) : ("sink", config.Producable);
        if (!allowed)
        {
            throw new AdapterException(ParsingError,
                $"The kafka config with key {key} does not allow {(source ? "consumption" : "production")}. Therefore it does not offer the requested {kind} {id}!");
        }
        return config.Offers(type) ? (key, config, type)
            : throw new AdapterException(ParsingError, $"The kafka config with key {key} for requested {kind} {id} and inferred type {type} does not allow this type.");
    }

    /// <summary>Splits the filter at the first colon; without one the identifier is empty. An empty value key means a single value message.</summary>
    public static (string Identifier, string ValueKey) ValueKey(IReadOnlyDictionary<string, string> filters)
    {
        var text = filters.GetValueOrDefault("message_value_key") ?? "";
        var at = text.IndexOf(':', StringComparison.Ordinal);
        return at < 0 ? ("", text) : (text[..at], text[(at + 1)..]);
    }
}
