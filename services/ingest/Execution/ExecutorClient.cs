using System.Net.Http.Headers;
using System.Text.Json;
using Runwire.Core.Contracts.Steps;

namespace Runwire.Ingest.Execution;

/// <summary>
/// The executor's step endpoints, reached by Dapr service invocation (app-id <c>executor</c>). Any answer other than
/// a 2xx step answer throws, so the activity's retry policy handles it: the executor answers refusals and failures
/// of the job itself with 200, and everything else means it is unavailable or broken.
/// </summary>
internal sealed class ExecutorClient(HttpClient http)
{
    public Task<StepAnswer> PrepareAsync(ReadOnlyMemory<byte> job, CancellationToken ct) =>
        PostAsync("internal/prepare", Json(job), ct);

    public Task<StepAnswer> RunAsync(ReadOnlyMemory<byte> job, ReadOnlyMemory<byte> loaded, IReadOnlyList<string> sinks, CancellationToken ct)
    {
        // Job and loaded values are already JSON text: write them raw instead of parsing megabytes just to re-serialise them.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("job");
            writer.WriteRawValue(job.Span, skipInputValidation: true);
            writer.WritePropertyName("loaded");
            writer.WriteRawValue(loaded.Span, skipInputValidation: true);
            writer.WritePropertyName("sinks");
            JsonSerializer.Serialize(writer, sinks, StepJson.Options);
            writer.WriteEndObject();
        }
        return PostAsync("internal/run", Json(buffer.WrittenMemory), ct);
    }

    private async Task<StepAnswer> PostAsync(string path, HttpContent content, CancellationToken ct)
    {
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), content, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The executor answered {(int)response.StatusCode} {response.ReasonPhrase} to {path}.", null, response.StatusCode);
        }
        return await response.Content.ReadFromJsonAsync<StepAnswer>(StepJson.Options, ct).ConfigureAwait(false)
            ?? throw new HttpRequestException($"The executor answered {path} with an empty body.");
    }

    private static ReadOnlyMemoryContent Json(ReadOnlyMemory<byte> body)
    {
        var content = new ReadOnlyMemoryContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
