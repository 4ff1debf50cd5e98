using Runwire.WebConsole.Jobs;

namespace Runwire.Ingest.Board;

/// <summary>
/// A job whose steps ran on another replica finishes in this replica's store only when someone reads it. This sweep
/// reads the unfinished jobs nobody looked at, every <see cref="Interval"/>, so they are not listed as running for
/// ever and, once finished, fall under the retention (<c>Jobs:Retain*</c>) like the others: the store stays bounded.
/// </summary>
internal sealed class UnfinishedJobSweep(JobStore store, IJobStateSource source) : BackgroundService
{
    internal static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    // As many as a page of the console may ask about at once.
    private const int Batch = 50;

    private static readonly string[] Unfinished = ["queued", "running"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await SweepAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads every held job that is not finished and arrived more than <see cref="Interval"/> ago (younger ones are likely still running).</summary>
    internal async Task SweepAsync(CancellationToken ct)
    {
        var cutoff = store.Now - Interval;
        foreach (var status in Unfinished)
        {
            long? before = null;
            do
            {
                var page = store.Query(new JobQuery(status, Before: before, Limit: JobQuery.MaxLimit));
                foreach (var batch in page.Jobs.Where(j => j.ReceivedAt < cutoff).Chunk(Batch))
                {
                    await source.RefreshAsync(batch, ct).ConfigureAwait(false);
                }
                before = page.NextBefore;
            }
            while (before is not null);
        }
    }
}
