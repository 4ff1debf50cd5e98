using Runwire.Core.Contracts;

namespace Runwire.DataAdapters.Kafka;

/// <summary>
/// What consumption mode listens to, derived from the input wirings of its fixed execution input as hetida derives it
/// (consumption_mode/__init__.py): the one Kafka config all Kafka input wirings name, and whether its messages are
/// multi value messages (some wiring has a value key) with the one message identifier they share.
/// </summary>
public sealed record KafkaConsumption(string ConfigKey, KafkaTopicConfig Config, bool Multi, string Identifier)
{
    /// <summary>The consumption plan of a wiring; an <see cref="InvalidOperationException"/> says why there is none.</summary>
    public static KafkaConsumption For(KafkaOptions? options, WorkflowWiring? wiring)
    {
        if (wiring is null)
        {
            throw new InvalidOperationException("The consumption mode's execution input has no wiring.");
        }
        var inputs = wiring.InputWirings.Where(w => !w.AdapterId.IsInteger && w.AdapterId.Value == KafkaAdapter.AdapterId).ToList();
        if (inputs.Count == 0)
        {
            throw new InvalidOperationException("No kafka input wirings in provided wiring for kafka consumption mode!");
        }
        if (options is null)
        {
            throw new InvalidOperationException("Consumption mode needs the Kafka adapter: set HD_KAFKA_CONFIGS or Runwire:Adapters:Kafka:Configs.");
        }
        List<(string Key, KafkaTopicConfig Config, string Type)> sources;
        try
        {
            sources = [.. inputs.Select(w => KafkaIds.Parse(options, w.RefKey ?? w.RefId
                ?? throw new InvalidOperationException($"The Kafka input wiring of {w.WorkflowInputName} has no ref_id."), source: true))];
        }
        catch (Runwire.Core.Adapters.AdapterException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }
        var keys = inputs.Select(w => KafkaIds.ValueKey(w.Filters)).ToList();
        var multi = keys.Count > 1 || keys[0].ValueKey.Length > 0;
        if (multi && keys.Any(k => k.ValueKey.Length == 0))
        {
            throw new InvalidOperationException("Detected multi value kafka message input wiring during kafka consumption mode. "
                + "In this case there are no additional single value input wirings allowed.");
        }
        if (sources.Select(s => s.Key).Distinct().Count() != 1)
        {
            throw new InvalidOperationException("More than one kafka_config present in input wirings configured for kafka adapter consumption mode. "
                + "Kafka adapter consumption mode can only listen to one topic from one kafka_config.");
        }
        if (keys.Select(k => k.Identifier).Distinct().Count() != 1)
        {
            throw new InvalidOperationException("More than one message identifier parsed from message_value_key filters of the input wirings "
                + "configured for kafka adapter consumption mode; it can only trigger on one message at a time.");
        }
        return new KafkaConsumption(sources[0].Key, sources[0].Config, multi, keys[0].Identifier);
    }
}
