using Confluent.Kafka;
using Runwire.Core.Adapters;
using Runwire.Core.Codecs;
using Runwire.Core.Contracts;
using Runwire.Core.Engine;
using Runwire.DataAdapters.Protocol;

namespace Runwire.DataAdapters.Kafka;

// Loading: one message per Kafka config and message identifier, the values picked by value key and parsed into the
// inputs' declared types like direct_provisioning values.
public sealed partial class KafkaAdapter
{
    public async Task<IReadOnlyDictionary<string, object?>> LoadAsync(IReadOnlyList<SourceRequest> requests, AdapterContext context, CancellationToken cancellationToken)
    {
        var messages = KafkaWirings.Gather(options,
            requests.Select(r => (r.Wiring.WorkflowInputName, r.Wiring.RefId, r.Wiring.RefKey, r.Wiring.Filters)), source: true);
        var loaded = new Dictionary<string, object?>();
        foreach (var wirings in messages)
        {
            var first = wirings[0];
            var multi = first.ValueKey is not null;
            foreach (var w in wirings)
            {
                if (requests[w.Index].Wiring.Type is { } wired && ExternalTypes.Normalize(wired) != w.Type)
                {
                    throw new AdapterException(WiringChecks.Handling,
                        $"Received wrong external type {w.Type} for input {w.Name} from Kafka Adapter config with kafka_config_key {w.Key} "
                        + $"with message identifier {w.Identifier} and value key {w.ValueKey} (the wiring has type {wired})");
                }
            }
            var message = _bound.TryGetValue(context.JobId, out var bound) && bound.Key == first.Key
                ? ReadMessage(bound.Message, multi, first.Key, first.Identifier, first.Config.Topic)
                : await ReceiveAsync(first, multi, cancellationToken).ConfigureAwait(false);
            if (message.Multi != multi)
            {
                throw new AdapterException(WiringChecks.Handling,
                    $"The kafka message for kafka_config_key {first.Key} and message identifier {first.Identifier} is a "
                    + $"{(message.Multi ? "multi" : "single")} value message, but a {(multi ? "multi" : "single")} value message is expected!");
            }
            var missing = wirings.Where(w => !message.Values.ContainsKey(w.ValueKey ?? KafkaMessage.Single)).Select(w => w.ValueKey).ToList();
            if (missing.Count > 0)
            {
                throw new AdapterException(WiringChecks.Handling,
                    $"Missing expected multi value keys in received message {first.Identifier} from Kafka with config key {first.Key} from topic {first.Config.Topic}: "
                    + $"got {string.Join(", ", message.Values.Keys)}, expected {string.Join(", ", wirings.Select(w => w.ValueKey))}.");
            }
            foreach (var w in wirings)
            {
                try
                {
                    loaded[w.Name] = ValueParser.ParseJson(message.Values[w.ValueKey ?? KafkaMessage.Single].Value, requests[w.Index].DataType);
                }
                catch (ValueParseException e)
                {
                    throw ExecutionFailureException.InputDataValidation(w.Name, e);
                }
            }
        }
        return loaded;
    }

    /// <summary>Reads a message as the wiring expects it, or says why it cannot (hetida's words).</summary>
    private static KafkaMessage ReadMessage(ReadOnlySpan<byte> bytes, bool multi, string key, string identifier, string topic)
    {
        try
        {
            return KafkaMessage.Read(bytes, multi);
        }
        catch (FormatException e)
        {
            throw new AdapterException(WiringChecks.Handling,
                $"Error parsing/validating {(multi ? "multi" : "single")} value message {identifier} from Kafka with config key {key} from topic {topic}:\n{e.Message}", e);
        }
    }

    // Outside consumption mode a job reads the next message with the config's consumer settings, as hetida's adapter
    // does with a consumer it starts and stops per load; without a group id it reads from where the topic ends now.
    private async Task<KafkaMessage> ReceiveAsync(KafkaWiring wiring, bool multi, CancellationToken ct)
    {
        var topic = wiring.Config.Topic;
        var settings = new ConsumerConfig(wiring.Config.ConsumerConfig.ToDictionary());
        if (settings.GroupId is null)
        {
            settings.GroupId = "runwire-kafka-adapter-" + Guid.NewGuid();
            settings.EnableAutoCommit = false;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.ReceiveTimeout);
        byte[]? value;
        try
        {
            value = await Task.Factory.StartNew(() => ConsumeOne(settings, topic, timeout.Token), ct,
                TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new AdapterException(WiringChecks.Handling,
                $"No message arrived on topic {topic} (Kafka config {wiring.Key}) within {options.ReceiveTimeout.TotalSeconds} s (Runwire:Adapters:Kafka:ReceiveTimeoutSeconds).");
        }
        catch (Exception e) when (e is KafkaException or ArgumentException or InvalidOperationException)
        {
            throw new AdapterException(WiringChecks.Handling,
                $"Error consuming message {wiring.Identifier} from Kafka with config key {wiring.Key} from topic {topic}:\n{e.Message}", e);
        }
        return ReadMessage(value ?? [], multi, wiring.Key, wiring.Identifier, topic);
    }

    private static byte[]? ConsumeOne(ConsumerConfig settings, string topic, CancellationToken ct)
    {
        using var consumer = new ConsumerBuilder<Ignore, byte[]?>(settings).SetLogHandler(static (_, _) => { }).Build();
        consumer.Subscribe(topic);
        try
        {
            return consumer.Consume(ct).Message.Value;
        }
        finally
        {
            // Leaves the group; with auto commit on (the client's default) this commits the message read, as aiokafka's stop does.
            consumer.Close();
        }
    }
}
