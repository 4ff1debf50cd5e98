namespace Runwire.Ingest.Payloads;

/// <summary>Stores large workflow values by key; the only state ingest keeps besides the workflow engine's own.</summary>
internal interface IPayloadStore
{
    Task SaveAsync(string key, ReadOnlyMemory<byte> value, CancellationToken ct);

    /// <summary>The stored bytes; throws <see cref="KeyNotFoundException"/> when the key has expired or never existed.</summary>
    Task<ReadOnlyMemory<byte>> LoadAsync(string key, CancellationToken ct);
}
