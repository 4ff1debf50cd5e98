using System.Text;

namespace Runwire.Ingest.Payloads;

/// <summary>Puts values inline when small and in the store when large; activities use it for every value they pass on.</summary>
internal sealed class ClaimChecks(IPayloadStore store)
{
    /// <summary>Values up to this size stay in history; a job's history then stays a few hundred KiB at most.</summary>
    internal const int InlineLimitBytes = 32 * 1024;

    public async Task<PayloadRef> PutAsync(string jobId, string name, ReadOnlyMemory<byte> utf8, CancellationToken ct)
    {
        if (utf8.Length <= InlineLimitBytes)
        {
            return new PayloadRef(Encoding.UTF8.GetString(utf8.Span), null);
        }
        // Keys are per job and step, so a retried activity overwrites its own earlier value. daprd refuses keys
        // containing "||", its own separator between app id and key.
        var key = $"runwire:{jobId}:{name}";
        await store.SaveAsync(key, utf8, ct).ConfigureAwait(false);
        return new PayloadRef(null, key);
    }

    public async Task<ReadOnlyMemory<byte>> GetAsync(PayloadRef reference, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Key is null)
        {
            return Encoding.UTF8.GetBytes(reference.Inline ?? "");
        }
        return await store.LoadAsync(reference.Key, ct).ConfigureAwait(false);
    }
}
