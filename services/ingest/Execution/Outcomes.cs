using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Runwire.Core.Contracts;
using Runwire.Core.Contracts.Steps;
using Runwire.Core.Data;
using Runwire.Ingest.Payloads;

namespace Runwire.Ingest.Execution;

/// <summary>Turns executor answers and adapter refusals into a <see cref="JobOutcome"/> whose result sits in the payload store.</summary>
internal static class Outcomes
{
    private static readonly JsonWriterOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<JobOutcome> FromAnswerAsync(ClaimChecks payloads, string jobId, StepAnswer answer, CancellationToken ct)
    {
        var result = await payloads.PutAsync(jobId, "result", Bytes(answer.Result ?? []), ct).ConfigureAwait(false);
        var detail = answer.Detail is null ? null : await payloads.PutAsync(jobId, "detail", Bytes(answer.Detail), ct).ConfigureAwait(false);
        return new JobOutcome(answer.Kind, answer.HttpStatus, result, detail);
    }

    /// <summary>A runtime failure result (hetida answers these with 200 and <c>"result": "failure"</c>).</summary>
    public static async Task<JobOutcome> FailureAsync(ClaimChecks payloads, string jobId, string type, string message, ProcessStage stage,
        IReadOnlyList<NamedType> outputTypes, string kind, int httpStatus, CancellationToken ct)
    {
        var result = new ExecutionResult(
            Guid.Parse(jobId),
            new ExecutionError(type, message, stage),
            [],
            [.. outputTypes.Select(t => KeyValuePair.Create(t.Name, DataTypes.FromJson(t.DataType) ?? DataType.Any))],
            new MeasuredSteps(),
            Traceback: $"{type}: {message}");
        var reference = await payloads.PutAsync(jobId, "result", ResultWriter.ToUtf8(result), ct).ConfigureAwait(false);
        // A job that could not run at all answers the synchronous web API with hetida's 500 and a detail, not a 200 result.
        var detail = kind == JobOutcome.Executed ? null : await payloads.PutAsync(jobId, "detail", Bytes(JsonValue.Create(message)), ct).ConfigureAwait(false);
        return new JobOutcome(kind, httpStatus, reference, detail);
    }

    /// <summary>JSON bytes with the result writer's escaping, so re-written results keep hetida's UTF-8 text as is.</summary>
    public static byte[] Bytes(JsonNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Relaxed))
        {
            node.WriteTo(writer);
        }
        return buffer.ToArray();
    }
}
