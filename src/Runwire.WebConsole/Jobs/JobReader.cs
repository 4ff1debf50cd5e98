namespace Runwire.WebConsole.Jobs;

/// <summary>
/// What <c>GET /jobs</c> and the pages read: the <see cref="JobStore"/>, asking the host's <see cref="IJobStateSource"/>
/// first when it has one, so a job that finished out of the host's sight is not shown as running.
/// </summary>
public sealed class JobReader(JobStore store, IJobStateSource? source = null)
{
    public JobStore Store { get; } = store;

    public async Task<JobPage> QueryAsync(JobQuery query, CancellationToken ct)
    {
        var page = Store.Query(query);
        if (source is null || page.Jobs.All(j => j.Finished))
        {
            return page;
        }
        await source.RefreshAsync([.. page.Jobs.Where(j => !j.Finished)], ct).ConfigureAwait(false);
        // Asked again: a job that finished meanwhile may no longer match a status filter, and the counts moved.
        return Store.Query(query);
    }

    public async Task<StoredJob?> FindAsync(Guid jobId, CancellationToken ct)
    {
        var job = Store.Find(jobId);
        if (source is null || job is { Finished: true })
        {
            return job;
        }
        if (job is null)
        {
            return await source.FindAsync(jobId, ct).ConfigureAwait(false);
        }
        await source.RefreshAsync([job], ct).ConfigureAwait(false);
        return job;
    }
}
