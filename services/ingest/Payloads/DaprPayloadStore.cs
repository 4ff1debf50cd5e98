using Dapr.Client;
using Runwire.Ingest.Execution;
using Runwire.ServiceDefaults;

namespace Runwire.Ingest.Payloads;

/// <summary>
/// Claim checks in the workflow state store, with the duplicate window as TTL (<c>Runwire:Dapr:DuplicateWindowHours</c>,
/// 7 days by default): long enough for <c>GET /jobs/{id}</c> to read a result the next day, and finished jobs leave
/// nothing behind afterwards.
/// </summary>
internal sealed class DaprPayloadStore(DaprClient dapr, DaprSettings settings) : IPayloadStore
{
    public Task SaveAsync(string key, ReadOnlyMemory<byte> value, CancellationToken ct) =>
        dapr.SaveByteStateAsync(DaprNames.StateStore, key, value, metadata: settings.TtlMetadata, cancellationToken: ct);

    public async Task<ReadOnlyMemory<byte>> LoadAsync(string key, CancellationToken ct)
    {
        var value = await dapr.GetByteStateAsync(DaprNames.StateStore, key, cancellationToken: ct).ConfigureAwait(false);
        return value.IsEmpty ? throw new KeyNotFoundException($"No payload '{key}' in state store '{DaprNames.StateStore}'.") : value;
    }
}
