using Runwire.Core.Contracts;
using Runwire.Core.Engine;

namespace Runwire.Host.Jobs;

/// <summary>A job posted to <c>POST /jobs</c>; its answer is kept on the <see cref="JobBoard"/>.</summary>
internal sealed class HttpJob(ExecutionJob job, JobEntry entry, JobBoard board, ILogger logger) : IQueuedJob
{
    public async Task RunAsync(JobAnswering answering, CancellationToken ct)
    {
        entry.Start();
        var answer = await answering.AnswerAsync(job, logger, ct).ConfigureAwait(false);
        board.Finish(entry, answer);
    }
}
