using System.Collections.Concurrent;
using System.Diagnostics;
using Dapr.Client;
using Moq;

namespace Runwire.Ingest.Tests.Support;

/// <summary>One publish call as ingest handed it to <see cref="DaprClient"/>.</summary>
public sealed record Published(string PubSub, string Topic, byte[] Data, string ContentType, IReadOnlyDictionary<string, string> Metadata);

/// <summary>
/// One call on <see cref="DaprClient"/> (publish, save, get) with the trace id of <see cref="Activity.Current"/> at that
/// moment: the real client sends that context to daprd as <c>traceparent</c> (dapr-notes §6.1).
/// </summary>
public sealed record DaprCall(string Operation, string Target, string? TraceId);

/// <summary>
/// A <see cref="DaprClient"/> double (dapr-notes §5: daprd's gRPC API has no server stub to stand up): records publish
/// calls and keeps state in memory, so the real claim-check store and publisher run against it. State honours
/// <c>ttlInSeconds</c> against <see cref="Now"/>, which <see cref="Advance"/> moves on; <see cref="PublishFault"/> makes
/// publishes fail the way daprd answers when the broker is away or refuses a record.
/// </summary>
public sealed class FakeDapr
{
    public FakeDapr()
    {
        Client.Setup(d => d.PublishByteEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<ReadOnlyMemory<byte>>(), It.IsAny<string>(),
                It.IsAny<Dictionary<string, string>>(), It.IsAny<CancellationToken>()))
            .Returns((string pubsub, string topic, ReadOnlyMemory<byte> data, string type, Dictionary<string, string> metadata, CancellationToken _) =>
            {
                Record("publish", metadata.GetValueOrDefault("partitionKey") ?? topic);
                Interlocked.Increment(ref _publishAttempts);
                if (Interlocked.Decrement(ref _failPublishes) >= 0)
                {
                    throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.Unavailable, "sidecar unavailable"));
                }
                if (PublishFault?.Invoke(data) is { } fault)
                {
                    throw fault;
                }
                Publishes.Enqueue(new Published(pubsub, topic, data.ToArray(), type, new Dictionary<string, string>(metadata)));
                return Task.CompletedTask;
            });
        Client.Setup(d => d.SaveByteStateAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<ReadOnlyMemory<byte>>(), It.IsAny<StateOptions>(),
                It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>()))
            .Returns((string store, string key, ReadOnlyMemory<byte> value, StateOptions _, IReadOnlyDictionary<string, string> metadata, CancellationToken _) =>
            {
                Record("save", key);
                State[(store, key)] = value.ToArray();
                StateMetadata[(store, key)] = metadata;
                if (metadata?.GetValueOrDefault("ttlInSeconds") is { } ttl)
                {
                    StateExpiry[(store, key)] = Now + TimeSpan.FromSeconds(long.Parse(ttl, System.Globalization.CultureInfo.InvariantCulture));
                }
                return Task.CompletedTask;
            });
        Client.Setup(d => d.GetByteStateAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<ConsistencyMode?>(),
                It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>()))
            .Returns((string store, string key, ConsistencyMode? _, IReadOnlyDictionary<string, string> _, CancellationToken _) =>
            {
                Record("get", key);
                var expired = StateExpiry.TryGetValue((store, key), out var expiry) && Now >= expiry;
                return Task.FromResult<ReadOnlyMemory<byte>>(!expired && State.TryGetValue((store, key), out var v) ? v : ReadOnlyMemory<byte>.Empty);
            });
    }

    private int _failPublishes;
    private int _publishAttempts;
    private long _skewTicks;

    public Mock<DaprClient> Client { get; } = new();

    public ConcurrentQueue<Published> Publishes { get; } = new();

    public ConcurrentQueue<DaprCall> Calls { get; } = new();

    public ConcurrentDictionary<(string Store, string Key), byte[]> State { get; } = new();

    public ConcurrentDictionary<(string Store, string Key), IReadOnlyDictionary<string, string>> StateMetadata { get; } = new();

    public ConcurrentDictionary<(string Store, string Key), DateTimeOffset> StateExpiry { get; } = new();

    /// <summary>Every publish call, failed ones included.</summary>
    public int PublishAttempts => Volatile.Read(ref _publishAttempts);

    /// <summary>Asked with each publish's data; an exception it returns is thrown instead of publishing.</summary>
    public Func<ReadOnlyMemory<byte>, Exception?>? PublishFault { get; set; }

    /// <summary>The state store's clock, for TTLs.</summary>
    public DateTimeOffset Now => DateTimeOffset.UtcNow + TimeSpan.FromTicks(Interlocked.Read(ref _skewTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _skewTicks, by.Ticks);

    public void FailNextPublishes(int count) => Volatile.Write(ref _failPublishes, count);

    /// <summary>
    /// What DaprClient throws when daprd cannot reach the Kafka broker (dapr:pkg/api/errors/pubsub.go PublishMessage,
    /// wrapped like Dapr.Client's MakePublishRequest wraps every RpcException).
    /// </summary>
    public static Dapr.DaprException BrokerDown() => Wrapped(Grpc.Core.StatusCode.Internal,
        "error when publishing to topic designer_job_result in pubsub jobs-pubsub: kafka: client has run out of available brokers to talk to: dial tcp 10.0.0.7:9092: connect: connection refused");

    /// <summary>What DaprClient throws when the broker refuses a record as too large (sarama's ErrMessageSizeTooLarge text).</summary>
    public static Dapr.DaprException TooLarge() => Wrapped(Grpc.Core.StatusCode.Internal,
        "error when publishing to topic designer_job_result in pubsub jobs-pubsub: kafka server: Message was too large, server rejected it to avoid allocation error");

    private static Dapr.DaprException Wrapped(Grpc.Core.StatusCode code, string detail) =>
        new("Publish operation failed: the Dapr endpoint indicated a failure. See InnerException for details.",
            new Grpc.Core.RpcException(new Grpc.Core.Status(code, detail)));

    private void Record(string operation, string target) => Calls.Enqueue(new DaprCall(operation, target, Activity.Current?.TraceId.ToHexString()));
}
