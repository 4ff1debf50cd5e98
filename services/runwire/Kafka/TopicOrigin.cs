using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Runwire.Core.Contracts;

namespace Runwire.Host.Kafka;

/// <summary>
/// Which cluster, and which incarnation of the jobs topic, the records come from: the scope of the ids of jobs that name
/// none. Offsets start at 0 again on a new cluster or a re-created topic; these ids do not.
/// </summary>
internal sealed record TopicOrigin(string ClusterId, string? TopicId)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public Guid JobId(TopicPartitionOffset record) =>
        RecordJobId.From(record.Topic, record.Partition.Value, record.Offset.Value, ClusterId, TopicId);

    /// <summary>
    /// Asks the cluster through the consumer's own connections. Throws when it cannot tell: an id without its scope
    /// would let a job at a reused offset pass for one already answered, so the consumer is rather replaced and asks again.
    /// </summary>
    public static TopicOrigin Resolve(Handle consumer, string topic)
    {
        using var admin = new DependentAdminClientBuilder(consumer).Build();
        var cluster = admin.DescribeClusterAsync(new DescribeClusterOptions { RequestTimeout = Timeout })
            .WaitAsync(Timeout * 2).GetAwaiter().GetResult();
        string? topicId = null;
        try
        {
            var topics = admin.DescribeTopicsAsync(TopicCollection.OfTopicNames([topic]), new DescribeTopicsOptions { RequestTimeout = Timeout })
                .WaitAsync(Timeout * 2).GetAwaiter().GetResult();
            // Brokers before Kafka 2.8 have no topic ids (all zero): the cluster id alone scopes the ids then.
            topicId = topics.TopicDescriptions.FirstOrDefault()?.TopicId is { } id
                && (id.MostSignificantBits != 0 || id.LeastSignificantBits != 0) ? id.ToString() : null;
        }
        catch (DescribeTopicsException)
        {
        }
        return new TopicOrigin(cluster.ClusterId ?? throw new KafkaException(ErrorCode.Local_Fail), topicId);
    }
}
