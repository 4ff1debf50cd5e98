using Runwire.Core.Engine;

namespace Runwire.Host.Jobs;

/// <summary>A job waiting in the <see cref="JobQueue"/>; each transport decides how its answer leaves.</summary>
internal interface IQueuedJob
{
    /// <summary>Runs the job and delivers its answer. Must not throw: a worker serves many jobs.</summary>
    Task RunAsync(JobAnswering answering, CancellationToken ct);
}
