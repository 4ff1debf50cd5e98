using System.Globalization;
using System.Text.Json.Nodes;
using Runwire.Core.Data;

namespace Runwire.Core.Contracts;

/// <summary>
/// Answers for jobs that fail before execution. Deviation from hetida (spec §7.4): hetida's Kafka consumer publishes
/// nothing for these and its web API answers 4xx; Runwire answers every job with <c>"result": "failure"</c>. The stage
/// is <see cref="ProcessStage.PARSING_WORKFLOW"/>, the first of hetida's stages, so consumers that parse hetida's
/// enum keep working; <c>location</c> names the Runwire code that refused the job, because hetida requires one.
/// </summary>
public static class FailureResults
{
    public const string DecodeErrorType = "JobDecodeError";
    public const string InputValidationErrorType = "TrafoExecutionInputValidationError";
    public const string NotFoundErrorType = "TrafoExecutionNotFoundError";
    public const string NoReleasedRevisionErrorType = "DBNotFoundError";
    public const string TooLargeErrorType = "JobTooLargeError";

    /// <summary>The payload could not be decoded; carries the sender's job id when <see cref="JobDecodeException.JobIdHint"/> has it.</summary>
    public static ExecutionResult DecodeFailed(JobDecodeException error, MeasuredSteps? steps = null, int? processId = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        var extra = new JsonObject { ["model"] = error.Model, ["validation_errors"] = ErrorArray(error.Errors) };
        var failure = new ExecutionError(DecodeErrorType, error.Message, ProcessStage.PARSING_WORKFLOW, null, extra, null,
            new ErrorLocation(typeof(JobDecoder).FullName!, nameof(JobDecoder.Decode), 0));
        return new ExecutionResult(error.JobIdHint ?? Guid.NewGuid(), failure, [], [], steps ?? new MeasuredSteps(),
            $"{DecodeErrorType}: {error.ToPydanticText()}", processId);
    }

    /// <summary>The job is refused unread: <paramref name="size"/> bytes are more than <paramref name="limitName"/> allows.</summary>
    public static ExecutionResult TooLarge(Guid jobId, long? size, long limit, string limitName, int? processId = null)
    {
        var message = size is { } bytes
            ? string.Create(CultureInfo.InvariantCulture, $"The job is {bytes:N0} bytes, more than {limitName} allows ({limit:N0} bytes); it was not read.")
            : string.Create(CultureInfo.InvariantCulture, $"The job is more than {limitName} allows ({limit:N0} bytes); it was not read.");
        var extra = new JsonObject { ["size_bytes"] = size, ["limit_bytes"] = limit, ["limit"] = limitName };
        var failure = new ExecutionError(TooLargeErrorType, message, ProcessStage.PARSING_WORKFLOW, null, extra, null,
            new ErrorLocation(typeof(FailureResults).FullName!, nameof(TooLarge), 0));
        return new ExecutionResult(jobId, failure, [], [], new MeasuredSteps(), $"{TooLargeErrorType}: {message}", processId);
    }

    /// <summary>The wiring does not match the transformation; message and error list are hetida's pydantic text.</summary>
    public static ExecutionResult WiringInvalid(ExecutionJob job, WiringValidationException error,
        IReadOnlyList<KeyValuePair<string, DataType>>? outputTypes = null, MeasuredSteps? steps = null, int? processId = null)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(error);
        var errors = ErrorArray([new DecodeError(["__root__"], error.Message, "value_error")]);
        var extra = new JsonObject { ["model"] = "WorkflowExecutionInput", ["validation_errors"] = errors };
        var failure = new ExecutionError(InputValidationErrorType, error.PydanticText, ProcessStage.PARSING_WORKFLOW, null, extra, null,
            new ErrorLocation(typeof(WiringValidator).FullName!, nameof(WiringValidator.Complete), 0));
        return new ExecutionResult(job.JobId, failure, [], outputTypes ?? [], steps ?? new MeasuredSteps(),
            $"{InputValidationErrorType}: {error.PydanticText}", processId);
    }

    /// <summary>
    /// The job names no stored transformation: an unknown revision id, or a revision group without a released
    /// revision (hetida's <c>DBNotFoundError</c> text).
    /// </summary>
    public static ExecutionResult NotFound(ExecutionJob job, MeasuredSteps? steps = null, int? processId = null)
    {
        ArgumentNullException.ThrowIfNull(job);
        var (type, message) = job.RevisionGroupId is { } group
            ? (NoReleasedRevisionErrorType, $"no released transformation revisions with revision group id {group:D} found in the database")
            : (NotFoundErrorType, $"Could not find transformation revision {job.TransformationId:D}");
        var failure = new ExecutionError(type, message, ProcessStage.PARSING_WORKFLOW, null, null, null,
            new ErrorLocation(typeof(FailureResults).FullName!, nameof(NotFound), 0));
        return new ExecutionResult(job.JobId, failure, [], [], steps ?? new MeasuredSteps(), $"{type}: {message}", processId);
    }

    private static JsonArray ErrorArray(IEnumerable<DecodeError> errors) =>
        [.. errors.Select(e => (JsonNode)new JsonObject
        {
            ["loc"] = new JsonArray([.. e.Loc.Select(part => part is int i ? JsonValue.Create(i) : (JsonNode)JsonValue.Create(SafeText.Of(part.ToString()!))!)]),
            ["msg"] = SafeText.Of(e.Msg),
            ["type"] = e.Type,
        })];
}
