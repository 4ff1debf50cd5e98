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
/// calls and keeps state in memory, so the real claim-check store and publisher run against it.
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
                if (Interlocked.Decrement(ref _failPublishes) >= 0)
                {
                    throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.Unavailable, "sidecar unavailable"));
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
                return Task.CompletedTask;
            });
        Client.Setup(d => d.GetByteStateAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<ConsistencyMode?>(),
                It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>()))
            .Returns((string store, string key, ConsistencyMode? _, IReadOnlyDictionary<string, string> _, CancellationToken _) =>
            {
                Record("get", key);
                return Task.FromResult<ReadOnlyMemory<byte>>(State.TryGetValue((store, key), out var v) ? v : ReadOnlyMemory<byte>.Empty);
            });
    }

    private int _failPublishes;

    public Mock<DaprClient> Client { get; } = new();

    public ConcurrentQueue<Published> Publishes { get; } = new();

    public ConcurrentQueue<DaprCall> Calls { get; } = new();

    public ConcurrentDictionary<(string Store, string Key), byte[]> State { get; } = new();

    public ConcurrentDictionary<(string Store, string Key), IReadOnlyDictionary<string, string>> StateMetadata { get; } = new();

    public void FailNextPublishes(int count) => Volatile.Write(ref _failPublishes, count);

    private void Record(string operation, string target) => Calls.Enqueue(new DaprCall(operation, target, Activity.Current?.TraceId.ToHexString()));
}
