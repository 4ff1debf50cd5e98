using Runwire.Core.Codecs;
using Runwire.Core.Contracts;
using Runwire.Core.Engine;

namespace Runwire.Host.Jobs;

/// <summary>
/// <see cref="JobAnswering"/> answers bad input itself; this also turns an engine bug (or a component that is not
/// implemented yet) into a failure answer, because every job must get exactly one.
/// </summary>
internal static class SafeAnswering
{
    public static async Task<JobAnswer> AnswerAsync(this JobAnswering answering, ExecutionJob job, ILogger logger, CancellationToken ct)
    {
        try
        {
            return await answering.AnswerAsync(job, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.EngineCrashed(logger, job.JobId, e);
            var error = new ExecutionError(e.GetType().Name, e.Message, ProcessStage.EXECUTING_COMPONENT_CODE);
            var now = DateTimeOffset.UtcNow;
            var result = new ExecutionResult(job.JobId, error, [], [], new MeasuredSteps(new MeasuredStep("internal_full", now, now)),
                e.ToString(), Environment.ProcessId);
            return new JobAnswer(JobAnswerKind.Executed, result, job);
        }
    }

    /// <summary>
    /// The result's JSON; an output without a JSON form turns it into hetida's ENCODING_RESULTS_TO_JSON failure
    /// instead of an exception, so the job still gets its one answer.
    /// </summary>
    public static byte[] ToUtf8(ExecutionResult result)
    {
        try
        {
            return ResultWriter.ToUtf8(result);
        }
        catch (ValueEncodeException e)
        {
            var error = new ExecutionError("ValueError", e.Message, ProcessStage.ENCODING_RESULTS_TO_JSON);
            return ResultWriter.ToUtf8(result with { Error = error, Outputs = [] });
        }
    }
}
