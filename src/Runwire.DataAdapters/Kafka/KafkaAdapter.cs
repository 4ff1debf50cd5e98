using System.Collections.Concurrent;
using Confluent.Kafka;
using Runwire.Core.Adapters;
using Runwire.Core.Data;
using Runwire.DataAdapters.Protocol;

namespace Runwire.DataAdapters.Kafka;

/// <summary>
/// hetida's Kafka adapter (<c>kafka</c>): every named Kafka config offers one source (when consumable) and one sink
/// (when producable) per external type it allows, all under the thing node <c>base</c>. Outputs wired to its sinks are
/// produced after the execution as single or multi value messages; inputs wired to its sources read one message (in
/// consumption mode the message that triggered the job, bound with <see cref="Bind"/>). Values travel inside the
/// messages, so the protocol's data endpoints refuse them and the engine calls the adapter in-process.
/// </summary>
public sealed partial class KafkaAdapter(KafkaOptions options) : IProtocolAdapter, ISourceAdapter, ISinkAdapter, IDisposable
{
    public const string AdapterId = "kafka";
    private const string ThingNodeId = "base";
    private static readonly ThingNode Base = new(ThingNodeId, null, "Kafka", "Kafka");
    private static readonly Dictionary<string, StructureFilter> ValueKeyFilter = new()
    {
        ["message_value_key"] = StructureFilter.FreeText("Key in multi value message (empty for single value msg)", true),
    };

    private readonly ConcurrentDictionary<Guid, (string Key, byte[] Message)> _bound = new();
    private readonly ConcurrentDictionary<string, Lazy<IProducer<Null, byte[]>>> _producers = new(StringComparer.Ordinal);

    public KafkaOptions Options => options;

    public string Id => AdapterId;

    string ISourceAdapter.Key => AdapterId;

    string ISinkAdapter.Key => AdapterId;

    public InfoResponse Info { get; } = new("kafka-adapter", "Kafka Adapter", typeof(KafkaAdapter).Assembly.GetName().Version?.ToString(3) ?? "dev");

    public StructureResponse? Structure(string? parentId) => parentId switch
    {
        null => new StructureResponse("kafka-adapter", "Kafka Adapter", [Base], [], []),
        ThingNodeId => new StructureResponse(ThingNodeId, "Kafka", [], Sources(null), Sinks(null)),
        _ => null,
    };

    public IReadOnlyList<StructureItem> Sources(string? filter) =>
        StructureItem.Matching(options.Configs.Where(c => c.Value.Consumable).SelectMany(c => c.Value.OfferedTypes.Select(t => Item(c.Key, c.Value, t))), filter);

    public IReadOnlyList<StructureItem> Sinks(string? filter) =>
        StructureItem.Matching(options.Configs.Where(c => c.Value.Producable).SelectMany(c => c.Value.OfferedTypes.Select(t => Item(c.Key, c.Value, t))), filter);

    public StructureItem? FindSource(string id) => Find(id, source: true);

    public StructureItem? FindSink(string id) => Find(id, source: false);

    public ThingNode? FindThingNode(string id) => id == ThingNodeId ? Base : null;

    public Task<DataFrame> LoadFrameAsync(string id, string externalType, IReadOnlyDictionary<string, string> filters, CancellationToken ct) =>
        throw InProcessOnly();

    public Task SendFrameAsync(string id, string externalType, DataFrame frame, IReadOnlyDictionary<string, string> filters, AdapterContext context, CancellationToken ct) =>
        throw InProcessOnly();

    /// <summary>
    /// Binds the record value that triggered a job (consumption mode) to its job id: the job's Kafka inputs of that
    /// config read it instead of consuming another one, as hetida's message context does, so a bad message fails the
    /// job like any message a load reads. Dispose to unbind.
    /// </summary>
    public IDisposable Bind(Guid jobId, string configKey, byte[] message)
    {
        _bound[jobId] = (configKey, message);
        return new Unbind(() => _bound.TryRemove(jobId, out _));
    }

    public void Dispose()
    {
        foreach (var producer in _producers.Values.Where(p => p.IsValueCreated))
        {
            producer.Value.Flush(TimeSpan.FromSeconds(10));
            producer.Value.Dispose();
        }
    }

    private StructureItem? Find(string id, bool source)
    {
        try
        {
            var (key, config, type) = KafkaIds.Parse(options, id, source);
            return Item(key, config, type);
        }
        catch (AdapterException)
        {
            return null;
        }
    }

    private static StructureItem Item(string key, KafkaTopicConfig config, string type) =>
        new(KafkaIds.Id(key, type), ThingNodeId, config.DisplayName + " " + type, type, key + "/" + type,
            type.StartsWith("metadata", StringComparison.Ordinal) ? KafkaIds.Id(key, type) : null, ValueKeyFilter);

    private static AdapterException InProcessOnly() =>
        new(WiringChecks.Handling, "The kafka adapter's values travel in Kafka messages: wire it in a job, it has no data endpoints.");

    private sealed class Unbind(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
