using System.Diagnostics;
using System.Diagnostics.Metrics;
using Confluent.Kafka;
using Runwire.Core.Adapters;
using Runwire.Core.Codecs;
using Runwire.Core.Telemetry;
using Runwire.DataAdapters.Protocol;

namespace Runwire.DataAdapters.Kafka;

// Sending: the outputs gathered into messages, each produced to its config's topic without a key, as hetida does;
// the job's send step ends when every message is acknowledged.
public sealed partial class KafkaAdapter
{
    private static readonly Counter<long> Produced = RunwireTelemetry.Meter.CreateCounter<long>(
        "runwire.kafka.produced", "{message}", "Messages the kafka adapter produced for workflow outputs wired to it, by topic, once acknowledged.");

    public async Task SendAsync(IReadOnlyList<SinkRequest> requests, AdapterContext context, CancellationToken cancellationToken)
    {
        var messages = KafkaWirings.Gather(options,
            requests.Select(r => (r.Wiring.WorkflowOutputName, r.Wiring.RefId, r.Wiring.RefKey, r.Wiring.Filters)), source: false);
        var created = DateTime.UtcNow;
        var encoded = messages.Select(wirings => (wirings[0], Encode(wirings, requests, context, created))).ToList();
        await Task.WhenAll(encoded.Select(m => ProduceAsync(m.Item1, m.Item2, cancellationToken))).ConfigureAwait(false);
    }

    private static byte[] Encode(List<KafkaWiring> wirings, IReadOnlyList<SinkRequest> requests, AdapterContext context, DateTime created)
    {
        try
        {
            return KafkaMessage.Write(context.TransformationId, context.JobId, created,
                [.. wirings.Select(w => (w.ValueKey, w.Type, w.Name, requests[w.Index].Value))]);
        }
        catch (ValueEncodeException e)
        {
            throw new AdapterException(WiringChecks.Handling,
                $"Error serializing and encoding message {wirings[0].Identifier} for sending to Kafka with config key {wirings[0].Key} to topic {wirings[0].Config.Topic}:\n{e.Message}", e);
        }
    }

    private async Task ProduceAsync(KafkaWiring wiring, byte[] value, CancellationToken ct)
    {
        // A producer span under the job's, whose context the message carries: the next stage's execution joins this trace.
        using var span = RunwireTelemetry.Source.HasListeners()
            ? RunwireTelemetry.Source.StartActivity($"{RunwireTelemetry.Spans.Publish} {wiring.Config.Topic}", ActivityKind.Producer)
            : null;
        span?.SetTag(RunwireTelemetry.Tags.MessagingSystem, "kafka")
            .SetTag(RunwireTelemetry.Tags.MessagingOperation, "send")
            .SetTag(RunwireTelemetry.Tags.MessagingDestination, wiring.Config.Topic);
        try
        {
            var producer = _producers.GetOrAdd(wiring.Key, _ => new Lazy<IProducer<Null, byte[]>>(() => Producer(wiring.Config))).Value;
            await producer.ProduceAsync(wiring.Config.Topic,
                new Message<Null, byte[]> { Value = value, Headers = KafkaTrace.Headers(span ?? Activity.Current) }, ct).ConfigureAwait(false);
            Produced.Add(1, new KeyValuePair<string, object?>(RunwireTelemetry.Tags.MessagingDestination, wiring.Config.Topic));
        }
        catch (Exception e) when (e is KafkaException or ArgumentException or InvalidOperationException)
        {
            span.Fail(WiringChecks.Handling);
            throw new AdapterException(WiringChecks.Handling,
                $"Error producing message {wiring.Identifier} to Kafka with config key {wiring.Key} to topic {wiring.Config.Topic}:\n{e.Message}", e);
        }
    }

    // aiokafka, which hetida's configs were written for, sends at once (linger_ms 0); librdkafka waits 5 ms for more,
    // which every job with a Kafka sink would wait too, since its send step awaits the acknowledgement.
    private static IProducer<Null, byte[]> Producer(KafkaTopicConfig config)
    {
        var settings = config.ProducerConfig.ToDictionary();
        settings.TryAdd("linger.ms", "0");
        return new ProducerBuilder<Null, byte[]>(new ProducerConfig(settings)).SetLogHandler(static (_, _) => { }).Build();
    }
}
