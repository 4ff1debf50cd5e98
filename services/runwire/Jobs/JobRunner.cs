using Runwire.Core.Engine;

namespace Runwire.Host.Jobs;

/// <summary>
/// Runs queued jobs with a fixed number of workers. Stopping lets every worker finish the job it holds (the
/// answer is sent, so nothing answered is lost) and leaves queued jobs alone: Kafka redelivers them.
/// </summary>
internal sealed class JobRunner(JobQueue queue, JobsOptions options, JobAnswering answering, ILogger<JobRunner> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(() => WorkAsync(stoppingToken), CancellationToken.None)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                while (!stoppingToken.IsCancellationRequested && queue.Reader.TryRead(out var job))
                {
                    try
                    {
                        // The job itself is not cancelled by a stop: a graceful stop finishes what it started.
                        await job.RunAsync(answering, CancellationToken.None).ConfigureAwait(false);
                    }
                    catch (Exception e)
                    {
                        Log.JobCrashed(logger, e);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
