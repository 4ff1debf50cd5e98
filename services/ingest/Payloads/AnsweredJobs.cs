using System.Text.Json;
using Dapr.Client;
using Runwire.Ingest.Execution;
using Runwire.ServiceDefaults;

namespace Runwire.Ingest.Payloads;

/// <summary>How a job was answered: what <c>GET /jobs/{id}</c> still says once its workflow instance is purged.</summary>
internal sealed record AnsweredJob(string Result, DateTimeOffset AnsweredAt);

/// <summary>
/// The one small entry a job leaves in the state store after its answer, <c>runwire:&lt;job id&gt;:answered</c>, kept
/// for the duplicate window (<c>ttlInSeconds</c>): a redelivery inside the window is skipped, a re-dispatched answer
/// activity does not publish or count again, and a purged job answers 410 instead of 404. After the window the
/// state store drops it, and a redelivered record runs again.
/// </summary>
internal sealed class AnsweredJobs(DaprClient dapr, DaprSettings settings)
{
    public async Task<AnsweredJob?> FindAsync(string jobId, CancellationToken ct)
    {
        var bytes = await dapr.GetByteStateAsync(DaprNames.StateStore, Key(jobId), cancellationToken: ct).ConfigureAwait(false);
        return bytes.IsEmpty ? null : JsonSerializer.Deserialize<AnsweredJob>(bytes.Span, JsonSerializerOptions.Web);
    }

    public Task RecordAsync(string jobId, AnsweredJob answered, CancellationToken ct) =>
        dapr.SaveByteStateAsync(DaprNames.StateStore, Key(jobId), JsonSerializer.SerializeToUtf8Bytes(answered, JsonSerializerOptions.Web),
            metadata: settings.TtlMetadata, cancellationToken: ct);

    internal static string Key(string jobId) => $"runwire:{jobId}:answered";
}
