namespace Runwire.WebConsole.Jobs;

/// <summary>
/// Where a host's jobs can also change out of its own sight (ingest: a job's workflow steps run on any replica). When a
/// host registers one, the console asks it before showing jobs: held jobs that are not finished are brought up to date
/// in the <see cref="JobStore"/>, and a job the store does not hold is looked up there.
/// </summary>
public interface IJobStateSource
{
    /// <summary>Brings these held, unfinished jobs up to date (started, finished) in the store; never throws for a job it cannot read.</summary>
    Task RefreshAsync(IReadOnlyList<StoredJob> unfinished, CancellationToken ct);

    /// <summary>A job the store does not hold, as the source knows it (see <see cref="StoredJob.Snapshot"/>); null when unknown there too.</summary>
    Task<StoredJob?> FindAsync(Guid jobId, CancellationToken ct);
}
