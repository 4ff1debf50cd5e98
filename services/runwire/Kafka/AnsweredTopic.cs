using System.Text;
using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace Runwire.Host.Kafka;

/// <summary>
/// The answered log the hosts of one group share: a compacted topic (<c>Kafka:AnsweredTopic</c>) with one record per
/// answered job, keyed like the <see cref="AnsweredLog"/> entry and written after the answer is acknowledged. The
/// marker of a job from jobs partition p goes to partition p mod n, so a host that is assigned p reads only that
/// partition, up to its end, before it consumes p: jobs another host answered but could not commit are skipped.
/// See docs/kafka-delivery.md for what this leaves open.
/// </summary>
internal sealed class AnsweredTopic(KafkaOptions options, AnswerPublisher publisher, AnsweredLog answered, KafkaStats stats,
    ILogger<AnsweredTopic> logger) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly Dictionary<int, long> _read = [];
    private readonly string _host = $"runwire-{Environment.MachineName}-{Environment.ProcessId}";
    private IConsumer<byte[]?, byte[]?>? _reader;
    private volatile int _partitions;

    public bool Enabled => !string.IsNullOrEmpty(options.AnsweredTopic);

    /// <summary>
    /// Creates the topic where the broker allows it (compacted, and deleted after <c>Kafka:AnsweredRetentionHours</c>,
    /// since job ids never repeat and compaction alone would keep every one), else lets the broker auto-create it, and
    /// learns its partition count. Throws when the topic cannot be had, so the consumer is replaced and asks again.
    /// </summary>
    public void Ensure(string jobsTopic)
    {
        if (!Enabled || _partitions > 0)
        {
            return;
        }
        using var admin = new DependentAdminClientBuilder(publisher.Handle).Build();
        var jobPartitions = admin.GetMetadata(jobsTopic, Timeout).Topics.FirstOrDefault()?.Partitions.Count ?? 0;
        try
        {
            var spec = new TopicSpecification
            {
                Name = options.AnsweredTopic,
                NumPartitions = Math.Max(1, jobPartitions),
                ReplicationFactor = -1,
                Configs = new Dictionary<string, string>
                {
                    ["cleanup.policy"] = "compact,delete",
                    ["retention.ms"] = ((long)options.AnsweredRetention.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
            };
            admin.CreateTopicsAsync([spec], new CreateTopicsOptions { RequestTimeout = Timeout }).WaitAsync(Timeout * 2).GetAwaiter().GetResult();
            Log.AnsweredTopicCreated(logger, options.AnsweredTopic, spec.NumPartitions);
        }
        catch (CreateTopicsException e) when (e.Results.All(r => r.Error.Code == ErrorCode.TopicAlreadyExists))
        {
        }
        catch (Exception e) when (e is KafkaException or TimeoutException)
        {
            // E.g. no CreateTopics permission, or a broker without it (the test broker): a producer's metadata request
            // lets the broker auto-create the topic with its defaults where it allows that.
            Log.AnsweredTopicNotCreated(logger, options.AnsweredTopic, e.Message);
        }
        var partitions = admin.GetMetadata(options.AnsweredTopic, Timeout).Topics.FirstOrDefault() is { Error.IsError: false } topic
            ? topic.Partitions.Count : 0;
        _partitions = partitions > 0 ? partitions : throw new KafkaException(new Error(ErrorCode.UnknownTopicOrPart,
            $"The answered topic '{options.AnsweredTopic}' does not exist and could not be created; set Kafka:AnsweredTopic to an existing topic or to \"\""));
    }

    /// <summary>Writes the marker of an answered job; a marker the broker refuses for good is logged, never retried.</summary>
    public async Task MarkAsync(string key, TopicPartitionOffset source, CancellationToken ct)
    {
        if (!Enabled || _partitions == 0)
        {
            return;
        }
        var marker = new Message<byte[]?, byte[]>
        {
            Key = Encoding.UTF8.GetBytes(key),
            Value = Encoding.UTF8.GetBytes($"{{\"source\":\"{source.Topic}/{source.Partition.Value}/{source.Offset.Value}\",\"host\":\"{_host}\"}}"),
        };
        try
        {
            var partition = new TopicPartition(options.AnsweredTopic, source.Partition.Value % _partitions);
            if (await publisher.SendAsync(partition, marker, ct).ConfigureAwait(false) is { } refused)
            {
                Log.MarkerRefused(logger, options.AnsweredTopic, refused.Reason);
            }
        }
        catch (OperationCanceledException)
        {
            // A stop while the broker is away: the answer is out and recorded here; only another host could repeat it.
        }
    }

    /// <summary>
    /// Reads the markers of newly assigned job partitions up to the end the broker reports now. The first read of a
    /// partition starts <c>Kafka:AnsweredLookback</c> markers before its end; later reads go on where the last one stopped.
    /// </summary>
    public void CatchUp(IEnumerable<TopicPartition> assigned)
    {
        if (!Enabled || _partitions == 0)
        {
            return;
        }
        try
        {
            Read(assigned);
        }
        catch (KafkaException e)
        {
            // Consuming anyway is the lesser harm: the jobs are answered, at worst a second time.
            Log.AnsweredTopicBehind(logger, options.AnsweredTopic, e.Error.Reason, 0);
        }
    }

    private void Read(IEnumerable<TopicPartition> assigned)
    {
        var reader = _reader ??= BuildReader();
        var ends = new Dictionary<TopicPartition, long>();
        var starts = new List<TopicPartitionOffset>();
        foreach (var partition in assigned.Select(p => p.Partition.Value % _partitions).Distinct())
        {
            var markers = new TopicPartition(options.AnsweredTopic, partition);
            var marks = reader.QueryWatermarkOffsets(markers, Timeout);
            var start = _read.TryGetValue(partition, out var read) ? read : Math.Max(marks.Low.Value, marks.High.Value - options.AnsweredLookback);
            if (start < marks.High.Value)
            {
                ends[markers] = marks.High.Value;
                starts.Add(new TopicPartitionOffset(markers, start));
            }
            else
            {
                _read[partition] = Math.Max(start, marks.High.Value);
            }
        }
        if (starts.Count == 0)
        {
            return;
        }
        var count = 0;
        reader.Assign(starts);
        var deadline = DateTime.UtcNow + options.AnsweredReadWait;
        while (ends.Count > 0 && DateTime.UtcNow < deadline)
        {
            ConsumeResult<byte[]?, byte[]?>? record;
            try
            {
                record = reader.Consume(TimeSpan.FromMilliseconds(100));
            }
            catch (ConsumeException e) when (!e.Error.IsFatal)
            {
                // E.g. a leader moving: librdkafka fetches again, so the read goes on until the wait is over.
                Log.ConsumeError(logger, e.Error.Code, e.Error.Reason);
                continue;
            }
            if (record is null || !ends.TryGetValue(record.TopicPartition, out var end))
            {
                continue;
            }
            if (record.Message?.Key is { } key)
            {
                answered.Remember(Encoding.UTF8.GetString(key));
                count++;
            }
            var next = record.IsPartitionEOF ? record.Offset.Value : record.Offset.Value + 1;
            _read[record.Partition.Value] = next;
            if (next >= end || record.IsPartitionEOF)
            {
                ends.Remove(record.TopicPartition);
            }
        }
        reader.Unassign();
        stats.OnMarkersRead(count);
        if (ends.Count > 0)
        {
            Log.AnsweredTopicBehind(logger, options.AnsweredTopic, string.Join(", ", ends.Keys), options.AnsweredReadWait.TotalSeconds);
        }
        else
        {
            Log.AnsweredTopicRead(logger, options.AnsweredTopic, count);
        }
    }

    public void Dispose() => _reader?.Dispose();

    private IConsumer<byte[]?, byte[]?> BuildReader()
    {
        var config = options.AssignedReaderConfig("answered", $"{_host}-answered");
        return new ConsumerBuilder<byte[]?, byte[]?>(config)
            .SetLogHandler((_, m) => Log.ClientLog(logger, "answered", m.Facility, m.Message))
            .Build();
    }
}
