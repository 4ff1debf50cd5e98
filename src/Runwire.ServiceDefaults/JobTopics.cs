using Microsoft.Extensions.Configuration;

namespace Runwire.ServiceDefaults;

/// <summary>
/// The job, result and dead-letter topics, read from the same settings in every mode (the standalone host's Kafka
/// transport and ingest's Dapr subscription and publish) with hetida's names as defaults: <c>Kafka:JobsTopic</c>
/// (<c>designer_initialize_job</c>), <c>Kafka:ResultsTopic</c> (<c>designer_job_result</c>), <c>Kafka:DeadLetterTopic</c>
/// (the jobs topic + <c>_dead_letter</c>).
/// </summary>
public sealed record JobTopics(string Jobs, string Results, string DeadLetter)
{
    public static JobTopics Default { get; } = new(DaprNames.JobsTopic, DaprNames.ResultsTopic, DaprNames.DeadLetterTopic);

    public static JobTopics From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Kafka");
        var jobs = section["JobsTopic"] ?? DaprNames.JobsTopic;
        return new JobTopics(jobs, section["ResultsTopic"] ?? DaprNames.ResultsTopic, section["DeadLetterTopic"] ?? jobs + "_dead_letter");
    }
}
