using Runwire.Core.Contracts;
using Runwire.Core.Engine;

namespace Runwire.Host.Jobs;

/// <summary>
/// <see cref="JobAnswering"/> answers everything itself, an engine bug included; this logs the exception behind such
/// an answer, which the failure result names but does not show.
/// </summary>
internal static class SafeAnswering
{
    public static async Task<JobAnswer> AnswerAsync(this JobAnswering answering, ExecutionJob job, ILogger logger, CancellationToken ct)
    {
        var answer = await answering.AnswerAsync(job, ct).ConfigureAwait(false);
        if (answer.Fault is { } fault)
        {
            Log.EngineCrashed(logger, job.JobId, fault);
        }
        return answer;
    }
}
