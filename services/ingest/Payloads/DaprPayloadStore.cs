using System.Globalization;
using Dapr.Client;
using Runwire.ServiceDefaults;

namespace Runwire.Ingest.Payloads;

/// <summary>Claim checks in the workflow state store, with a TTL so finished jobs leave nothing behind.</summary>
internal sealed class DaprPayloadStore(DaprClient dapr) : IPayloadStore
{
    // Long enough for GET /jobs/{id} to read a result the next day; the store deletes the entry afterwards.
    internal static readonly TimeSpan TimeToLive = TimeSpan.FromDays(7);

    internal static readonly IReadOnlyDictionary<string, string> Metadata = new Dictionary<string, string>
    {
        ["ttlInSeconds"] = ((int)TimeToLive.TotalSeconds).ToString(CultureInfo.InvariantCulture),
    };

    public Task SaveAsync(string key, ReadOnlyMemory<byte> value, CancellationToken ct) =>
        dapr.SaveByteStateAsync(DaprNames.StateStore, key, value, metadata: Metadata, cancellationToken: ct);

    public async Task<ReadOnlyMemory<byte>> LoadAsync(string key, CancellationToken ct)
    {
        var value = await dapr.GetByteStateAsync(DaprNames.StateStore, key, cancellationToken: ct).ConfigureAwait(false);
        return value.IsEmpty ? throw new KeyNotFoundException($"No payload '{key}' in state store '{DaprNames.StateStore}'.") : value;
    }
}
