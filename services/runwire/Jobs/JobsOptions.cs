namespace Runwire.Host.Jobs;

/// <summary>
/// Settings under <c>Jobs:</c>. Concurrency: jobs executed at once (default: one per core). QueueCapacity: jobs
/// waiting beyond those; when it is full HTTP answers 503 and Kafka consumption pauses. RetainFinished: finished
/// HTTP jobs kept for <c>GET /jobs/{id}</c>.
/// </summary>
internal sealed record JobsOptions(int Concurrency, int QueueCapacity, int RetainFinished, int RetryAfterSeconds)
{
    public static JobsOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Jobs");
        return new JobsOptions(
            Math.Max(1, section.GetValue("Concurrency", Environment.ProcessorCount)),
            Math.Max(1, section.GetValue("QueueCapacity", 512)),
            Math.Max(0, section.GetValue("RetainFinished", 10_000)),
            Math.Max(1, section.GetValue("RetryAfterSeconds", 1)));
    }
}
