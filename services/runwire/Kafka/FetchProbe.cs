using Confluent.Kafka;

namespace Runwire.Host.Kafka;

/// <summary>
/// Reads, with a larger fetch limit (<c>Kafka:ProbeMaxBytes</c>), the record at which a partition is stuck. librdkafka
/// cannot skip a record larger than <c>receive.message.max.bytes</c>: every fetch response with it is dropped as an
/// "Invalid response size" and the connection to that broker is reset, without saying which partition or offset (a
/// compressed batch that inflates beyond the limit is a consume error at its offset instead). A partition behind such
/// a record would wait forever, and so would every other partition that broker leads.
/// </summary>
internal sealed class FetchProbe(KafkaOptions options, ILogger logger)
{
    public const string RefusedResponse = "Invalid response size";
    private static readonly TimeSpan PerPartition = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The first record at each position; <see cref="ProbeRead.Refused"/> when not even the probe could fetch it, neither
    /// when the partition has nothing there or the broker did not answer in time.
    /// </summary>
    public List<ProbeRead> Read(IEnumerable<TopicPartitionOffset> positions)
    {
        var refused = false;
        using var probe = new ConsumerBuilder<byte[]?, byte[]?>(Config())
            .SetErrorHandler((_, e) => refused |= e.Reason.Contains(RefusedResponse, StringComparison.Ordinal))
            .SetLogHandler((_, m) => Log.ClientLog(logger, "probe", m.Facility, m.Message))
            .Build();
        var reads = new List<ProbeRead>();
        foreach (var position in positions)
        {
            refused = false;
            probe.Assign(position);
            var deadline = DateTime.UtcNow + PerPartition;
            while (DateTime.UtcNow < deadline)
            {
                try
                {
                    var record = probe.Consume(TimeSpan.FromMilliseconds(100));
                    if (record is { IsPartitionEOF: true })
                    {
                        break;
                    }
                    if (record?.Message is not null)
                    {
                        reads.Add(new ProbeRead(position, record, Refused: false));
                        break;
                    }
                }
                catch (ConsumeException e) when (!e.Error.IsFatal)
                {
                    refused |= e.Error.Code is ErrorCode.MsgSizeTooLarge or ErrorCode.Local_BadCompression;
                }
                if (refused)
                {
                    reads.Add(new ProbeRead(position, null, Refused: true));
                    break;
                }
            }
            probe.Unassign();
        }
        probe.Close();
        return reads;
    }

    private ConsumerConfig Config()
    {
        var config = options.AssignedReaderConfig("probe", $"runwire-probe-{Environment.MachineName}-{Environment.ProcessId}");
        config.Set("receive.message.max.bytes", options.ProbeMaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        config.FetchMaxBytes = options.ProbeMaxBytes - 512;
        return config;
    }
}

/// <summary>What the probe found at <see cref="Position"/>.</summary>
internal sealed record ProbeRead(TopicPartitionOffset Position, ConsumeResult<byte[]?, byte[]?>? Record, bool Refused);
