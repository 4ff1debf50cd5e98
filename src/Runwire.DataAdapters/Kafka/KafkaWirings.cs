using Runwire.Core.Adapters;
using Runwire.DataAdapters.Protocol;

namespace Runwire.DataAdapters.Kafka;

/// <summary>One input or output wired to the Kafka adapter, resolved against its Kafka config.</summary>
internal sealed record KafkaWiring(int Index, string Name, string Key, KafkaTopicConfig Config, string Type, string Identifier, string? ValueKey);

/// <summary>
/// Gathers wirings into messages as hetida does: one message per Kafka config and message identifier, holding one
/// value per value key, or a single value message when the value key is empty. Two wirings with the same value key,
/// or an empty value key beside others, cannot make one message and fail the job.
/// </summary>
internal static class KafkaWirings
{
    public static List<List<KafkaWiring>> Gather(KafkaOptions options, IEnumerable<(string Name, string? RefId, string? RefKey, IReadOnlyDictionary<string, string> Filters)> wirings, bool source)
    {
        var messages = new Dictionary<(string Key, string Identifier), List<KafkaWiring>>();
        var index = 0;
        foreach (var (name, refId, refKey, filters) in wirings)
        {
            var id = refKey ?? refId
                ?? throw new AdapterException(WiringChecks.WiringInvalid, $"Unset ref_id in the wiring of {(source ? "input" : "output")} {name} to the kafka adapter.");
            var (key, config, type) = KafkaIds.Parse(options, id, source);
            var (identifier, valueKey) = KafkaIds.ValueKey(filters);
            if (!messages.TryGetValue((key, identifier), out var message))
            {
                messages[(key, identifier)] = message = [];
            }
            var single = valueKey.Length == 0;
            if (!single && message.Any(m => m.ValueKey == valueKey))
            {
                throw new AdapterException(WiringChecks.Handling,
                    $"Kafka adapter received a duplicate message_value_key {valueKey} for the same Kafka Config key {key} for the same message identifier {identifier} from {(source ? "input" : "output")} {name}");
            }
            if (message.Count > 0 && (single || message[0].ValueKey is null))
            {
                throw new AdapterException(WiringChecks.Handling,
                    "Kafka adapter received either multiple unset / empty message_value_keys or a combination of unset / empty message_value_keys "
                    + $"and non-empty message value keys for the same Kafka Config key {key} for the same message identifier {identifier}. "
                    + "A Kafka message cannot contain conflicting value structure.");
            }
            message.Add(new KafkaWiring(index++, name, key, config, type, identifier, single ? null : valueKey));
        }
        return [.. messages.Values];
    }
}
