using Runwire.Core.Contracts;
using Runwire.Core.Telemetry;

namespace Runwire.Core.Engine;

/// <summary>
/// Turns any payload into exactly one answer (design "Message contract"): decode, execute, and where hetida would
/// answer nothing (undecodable payload, unknown transformation, wiring mismatch) a <c>"failure"</c> result whose
/// error says what was wrong. Never throws, except when its own cancellation token is cancelled: whatever else goes
/// wrong (a Runwire bug, a resource running out) is answered with a failure too.
/// </summary>
public sealed class JobAnswering(ExecutionEngine engine)
{
    public ExecutionEngine Engine => engine;

    /// <summary>Answers a Kafka or CLI payload in any accepted format.</summary>
    public Task<JobAnswer> AnswerAsync(byte[] payload, CancellationToken ct) => AnswerAsync(payload, bytes => JobDecoder.Decode(bytes), ct);

    /// <summary>Answers a payload with a specific decoder (the HTTP endpoints accept one format each).</summary>
    public async Task<JobAnswer> AnswerAsync(byte[] payload, Func<byte[], ExecutionJob> decode, CancellationToken ct)
    {
        var decoded = Decode(payload, decode);
        return decoded.Job is { } job ? await AnswerAsync(job, ct).ConfigureAwait(false) : decoded.Refusal!;
    }

    /// <summary>
    /// Decodes a payload in a <c>decode</c> span: the job, or the answer that refuses it. Hosts that look at the job
    /// before running it (the Kafka transport's duplicate check) decode with this and answer the job afterwards.
    /// <paramref name="jobIdIfNone"/> is the id a job (or its refusal) gets when the payload names none.
    /// </summary>
    public static (ExecutionJob? Job, JobAnswer? Refusal) Decode(byte[] payload, Func<byte[], ExecutionJob>? decode = null, Guid? jobIdIfNone = null)
    {
        ArgumentNullException.ThrowIfNull(payload);
        using var span = RunwireTelemetry.Start(RunwireTelemetry.Spans.Decode);
        try
        {
            var job = decode is null ? JobDecoder.Decode(payload) : decode(payload);
            return (job is { JobIdGiven: false } && jobIdIfNone is { } id ? job with { JobId = id } : job, null);
        }
        catch (JobDecodeException e)
        {
            span.Fail(FailureResults.DecodeErrorType, nameof(ProcessStage.PARSING_WORKFLOW));
            var result = FailureResults.DecodeFailed(e, processId: Environment.ProcessId);
            if (e.JobIdHint is null && jobIdIfNone is { } id)
            {
                result = result with { JobId = id };
            }
            return (null, new JobAnswer(JobAnswerKind.Undecodable, result, null,
                e.Errors.Select(x => new { loc = x.Loc, msg = x.Msg, type = x.Type }).ToArray()));
        }
        catch (Exception e)
        {
            span.Fail(FailureResults.DecodeErrorType, nameof(ProcessStage.PARSING_WORKFLOW));
            // A decoder bug answers like any undecodable payload, under the same id.
            var refusal = Unreadable($"The job could not be decoded: {e.Message}") with { Fault = e };
            return (null, jobIdIfNone is { } id ? refusal with { Result = refusal.Result with { JobId = id } } : refusal);
        }
    }

    /// <summary>Answers an already decoded job.</summary>
    public async Task<JobAnswer> AnswerAsync(ExecutionJob job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        try
        {
            var executed = await engine.ExecuteAsync(job, ct).ConfigureAwait(false);
            var (result, utf8) = ResultWriter.Write(executed, engine.Limits.MaxResultBytes);
            return new JobAnswer(JobAnswerKind.Executed, result, job) { Utf8 = utf8 };
        }
        catch (TransformationNotFoundException e)
        {
            return NotFound(job, e);
        }
        catch (ExecutionInputValidationException e)
        {
            return InvalidWiring(job, e);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return Crashed(job, e);
        }
    }

    /// <summary>The answer for a job the engine failed on unexpectedly: a failure result naming the exception, never its frames.</summary>
    public static JobAnswer Crashed(ExecutionJob job, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(exception);
        var error = new ExecutionError(exception.GetType().Name, exception.Message, ProcessStage.EXECUTING_COMPONENT_CODE);
        var now = DateTimeOffset.UtcNow;
        var result = new ExecutionResult(job.JobId, error, [], [], new MeasuredSteps(new MeasuredStep("internal_full", now, now)),
            Tracebacks.Of(error), Environment.ProcessId);
        return new JobAnswer(JobAnswerKind.Executed, result, job) { Fault = exception };
    }

    /// <summary>
    /// Resolves the transformation and checks the wiring without running anything (a workflow's first step).
    /// Null when the job can run; otherwise the same refusal <see cref="AnswerAsync(ExecutionJob, CancellationToken)"/> gives.
    /// </summary>
    public JobAnswer? Check(ExecutionJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        try
        {
            engine.Validate(job);
            return null;
        }
        catch (TransformationNotFoundException e)
        {
            return NotFound(job, e);
        }
        catch (ExecutionInputValidationException e)
        {
            return InvalidWiring(job, e);
        }
    }

    private static JobAnswer NotFound(ExecutionJob job, TransformationNotFoundException e)
    {
        var result = FailureResults.NotFound(job, processId: Environment.ProcessId);
        if (e.Nested)
        {
            // the job's own transformation exists; a revision one of its operators uses is missing
            result = result with { Error = result.Error! with { Message = e.Message } };
        }
        return new JobAnswer(JobAnswerKind.NotFound, result, job, e.Message);
    }

    private JobAnswer InvalidWiring(ExecutionJob job, ExecutionInputValidationException e)
    {
        var types = engine.Store.Find(e.TransformationId)?.Outputs
            .Where(o => o.Name is not null).Select(o => KeyValuePair.Create(o.Name!, o.DataType)).ToList() ?? [];
        return new JobAnswer(JobAnswerKind.InvalidWiring,
            FailureResults.WiringInvalid(job, e.Validation, types, processId: Environment.ProcessId), job,
            ValidationDetail.ForWiring(e.TransformationId, job, e.Validation));
    }

    /// <summary>
    /// The answer for a record refused by its size without decoding (<paramref name="size"/> null when not even its size
    /// could be read): undecodable, so it is dead-lettered as well, in every mode.
    /// </summary>
    public static JobAnswer TooLarge(Guid jobId, long? size, long limit, string limitName)
    {
        var result = FailureResults.TooLarge(jobId, size, limit, limitName, Environment.ProcessId);
        return new JobAnswer(JobAnswerKind.Undecodable, result, null, result.Error!.Message);
    }

    /// <summary>The answer for a job that could not even be read (a missing file, an unreadable record).</summary>
    public static JobAnswer Unreadable(string message) => new(JobAnswerKind.Undecodable,
        FailureResults.DecodeFailed(JobDecodeException.Unreadable(message),
            processId: Environment.ProcessId), null, message);
}
