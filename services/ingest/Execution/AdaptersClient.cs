using System.Net;
using System.Text.Json.Nodes;
using Runwire.Core.Adapters;
using Runwire.Core.Contracts.Steps;

namespace Runwire.Ingest.Execution;

/// <summary>An adapter's refusal of a wiring or of data: a failure result at the loading or sending stage, never retried.</summary>
internal sealed record AdapterRefusal(string Type, string Message);

/// <summary>
/// hetida's runtime adapter contract (spec §6.1: <c>load</c> and <c>send</c>, batched per adapter id) on the adapters
/// service, reached by Dapr service invocation (app-id <c>adapters</c>). 4xx answers are refusals (a failure result);
/// 5xx, 408, 429 and connection errors throw so the activity's retry policy tries again. A send that timed out is a
/// refusal too: it may have been written.
/// </summary>
internal sealed class AdaptersClient(HttpClient http)
{
    public async Task<(JsonObject? Values, AdapterRefusal? Refusal)> LoadAsync(
        string adapterId, string jobId, Guid transformationId, IReadOnlyList<InputLoad> inputs, CancellationToken ct)
    {
        var body = new { adapterId, jobId, transformationId, inputs };
        using var response = await http.PostAsJsonAsync(new Uri("internal/load", UriKind.Relative), body, StepJson.Options, ct).ConfigureAwait(false);
        if (await RefusalAsync(response, adapterId, ct).ConfigureAwait(false) is { } refusal)
        {
            return (null, refusal);
        }
        var answer = await response.Content.ReadFromJsonAsync<JsonObject>(StepJson.Options, ct).ConfigureAwait(false);
        return (answer?["values"] as JsonObject ?? [], null);
    }

    public async Task<AdapterRefusal?> SendAsync(
        string adapterId, string jobId, Guid transformationId, IReadOnlyList<(OutputSend Send, JsonNode? Value)> outputs, DateTimeOffset? jobTime,
        CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["adapterId"] = adapterId,
            ["jobId"] = jobId,
            ["transformationId"] = transformationId.ToString(),
            ["jobTime"] = jobTime,
            ["outputs"] = new JsonArray([.. outputs.Select(o => (JsonNode)new JsonObject
            {
                ["wiring"] = System.Text.Json.JsonSerializer.SerializeToNode(o.Send.Wiring, StepJson.Options),
                ["dataType"] = o.Send.DataType,
                ["value"] = o.Value,
            })]),
        };
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync(new Uri("internal/send", UriKind.Relative), body, StepJson.Options, ct).ConfigureAwait(false);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested && e.InnerException is TimeoutException)
        {
            // The adapter may have written the data and only its answer is late: sending again could write it twice
            // (an SQL append, a second file), so the job fails instead of retrying.
            return new AdapterRefusal("AdapterConnectionError",
                $"Sending outputs to adapter '{adapterId}' timed out after {http.Timeout}; they may have been written, so they are not sent again.");
        }
        using (response)
        {
            return await RefusalAsync(response, adapterId, ct).ConfigureAwait(false);
        }
    }

    private static async Task<AdapterRefusal?> RefusalAsync(HttpResponseMessage response, string adapterId, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return null;
        }
        if (status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
        {
            throw new HttpRequestException($"The adapters service answered {status} {response.ReasonPhrase}.", null, response.StatusCode);
        }
        JsonObject? error = null;
        try
        {
            error = await response.Content.ReadFromJsonAsync<JsonObject>(StepJson.Options, ct).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException)
        {
            // no structured error: fall through to the status-based refusal
        }
        if (error?["type"]?.GetValue<string>() is { } type && error["message"]?.GetValue<string>() is { } message)
        {
            return new AdapterRefusal(type, message);
        }
        return response.StatusCode == HttpStatusCode.NotFound
            ? new AdapterRefusal("AdapterHandlingException", AdapterRegistry.UnknownAdapterMessage(adapterId))
            : new AdapterRefusal("AdapterConnectionError", $"The adapters service answered {status} {response.ReasonPhrase} for adapter '{adapterId}'.");
    }
}
