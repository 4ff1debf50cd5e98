using System.Globalization;
using System.Text.Json;
using Runwire.Core.Contracts;

namespace Runwire.Ingest.Execution;

/// <summary>
/// What telemetry needs from a result JSON: its job id, error (type and stage) and hetida's measured steps. Output
/// values are skipped, not parsed, so a result of many megabytes costs one scan.
/// </summary>
internal static class ResultSummary
{
    public const string UnreadableType = "UnreadableResult";

    /// <summary>Never throws: telemetry must not stop a result from going out, so an unreadable one counts as a failure.</summary>
    public static ExecutionResult Read(ReadOnlySpan<byte> json)
    {
        try
        {
            return Scan(json);
        }
        catch (JsonException e)
        {
            return new ExecutionResult(Guid.Empty, new ExecutionError(UnreadableType, e.Message, ProcessStage.ENCODING_RESULTS_TO_JSON), [], [],
                new MeasuredSteps());
        }
    }

    private static ExecutionResult Scan(ReadOnlySpan<byte> json)
    {
        var jobId = Guid.Empty;
        ExecutionError? error = null;
        var steps = new MeasuredSteps();
        // Skipping the outputs reads them too: allow the depth results are written with.
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = ResultWriter.MaxDepth });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A result is a JSON object.");
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "job_id" when reader.TokenType == JsonTokenType.String:
                    _ = Guid.TryParse(reader.GetString(), out jobId);
                    break;
                case "error" when reader.TokenType == JsonTokenType.StartObject:
                    error = Error(JsonElement.ParseValue(ref reader));
                    break;
                case "measured_steps" when reader.TokenType == JsonTokenType.StartObject:
                    steps = Steps(JsonElement.ParseValue(ref reader));
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        return new ExecutionResult(jobId, error, [], [], steps);
    }

    private static ExecutionError Error(JsonElement error)
    {
        var type = Text(error, "type") ?? "UnknownError";
        // hetida's stage names; an unknown one counts as the first stage rather than losing the failure.
        var stage = Enum.TryParse<ProcessStage>(Text(error, "process_stage"), out var parsed) ? parsed : ProcessStage.PARSING_WORKFLOW;
        return new ExecutionError(type, Text(error, "message") ?? "", stage);
    }

    private static MeasuredSteps Steps(JsonElement steps) => new(
        Step(steps, "internal_full"),
        Step(steps, "prepare_execution_input"),
        Step(steps, "run_execution_input"),
        Step(steps, "runtime_service_handling"),
        Step(steps, "pure_execution"),
        Step(steps, "load_data"),
        Step(steps, "send_data"));

    private static MeasuredStep? Step(JsonElement steps, string key)
    {
        if (!steps.TryGetProperty(key, out var step) || step.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        return Time(step, "start") is { } start && Time(step, "end") is { } end
            ? new MeasuredStep(Text(step, "name") ?? key, start, end)
            : null;
    }

    private static DateTimeOffset? Time(JsonElement element, string key) =>
        DateTimeOffset.TryParse(Text(element, key), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;

    private static string? Text(JsonElement element, string key) =>
        element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
