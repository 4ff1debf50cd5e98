using Runwire.WebConsole.Jobs;

namespace Runwire.Host.Jobs;

/// <summary>
/// Settings under <c>Jobs:</c>. Concurrency: jobs executed at once (default: one per core). QueueCapacity: jobs
/// waiting beyond those; when it is full HTTP answers 503 and Kafka consumption pauses. RetainFinished, RetainBytes,
/// RetainMinutes: how many finished jobs (HTTP and Kafka), how many bytes of their requests and results and for how long
/// they are kept for <c>GET /jobs/{id}</c>, <c>GET /jobs</c> and the console (docs/limits.md).
/// </summary>
internal sealed record JobsOptions(int Concurrency, int QueueCapacity, int RetainFinished, int RetryAfterSeconds)
{
    public long RetainBytes { get; init; } = 256L * 1024 * 1024;

    public TimeSpan RetainAge { get; init; } = TimeSpan.FromMinutes(60);

    public JobRetention Retention => new(RetainFinished, RetainBytes, RetainAge);

    public static JobsOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Jobs");
        // The retention is read where ingest reads it too (the console's JobRetention), so both hosts take the same settings.
        var retention = JobRetention.From(configuration);
        return new JobsOptions(
            Math.Max(1, section.GetValue("Concurrency", Environment.ProcessorCount)),
            Math.Max(1, section.GetValue("QueueCapacity", 512)),
            retention.Count,
            Math.Max(1, section.GetValue("RetryAfterSeconds", 1)))
        {
            RetainBytes = retention.Bytes,
            RetainAge = retention.Age,
        };
    }
}
