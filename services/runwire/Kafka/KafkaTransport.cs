using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Options;
using Runwire.Core.Telemetry;
using Runwire.Host.Jobs;

namespace Runwire.Host.Kafka;

/// <summary>
/// Consumes the job topic into the <see cref="JobQueue"/> and commits what is answered. A full queue pauses the
/// assigned partitions instead of buffering without bound; a revoked partition's running jobs are answered and
/// committed before it is handed over; a stop does the same for all partitions and commits nothing unanswered.
/// </summary>
internal sealed class KafkaTransport(
    KafkaOptions options, JobQueue queue, AnswerPublisher publisher, AnsweredLog answered, AnsweredTopic markers, KafkaStats stats,
    ILogger<KafkaTransport> logger, IOptions<HostOptions> host, JobBoard board)
    : BackgroundService
{
    /// <summary>
    /// The parts of <c>ShutdownTimeoutSeconds</c> a stop waits for running jobs' answers, and for them and the consumer's
    /// close together. The rest is left to the other services and to the process's end, which does not wait for this
    /// thread once the host's own limit has passed.
    /// </summary>
    private const double AnswerShare = 0.5, CloseShare = 0.8;
    private static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);

    /// <summary>What a fetch response carries besides one record: a record this close to the limit cannot be fetched.</summary>
    private const int FetchOverhead = 1024;
    private readonly Dictionary<TopicPartition, PartitionProgress> _partitions = [];
    private readonly Queue<KafkaJob> _pending = new();
    private readonly KafkaJobServices _services = new(answered, markers, publisher, stats, logger, options.GroupId, board);
    private bool _paused;
    private bool _repause;
    private long _lastCommit;
    private long _lastProbe;
    private bool _fetchRefused;
    private TopicOrigin? _origin;
    private long _stopStarted;

    /// <summary>
    /// Returns when the drain is done or the host's <c>ShutdownTimeoutSeconds</c> is up, whichever comes first, and says
    /// which (the consumer thread may be stuck talking to a broker that is gone; the process does not wait for it).
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        Interlocked.CompareExchange(ref _stopStarted, Stopwatch.GetTimestamp(), 0);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(Interlocked.Read(ref _stopStarted)).TotalSeconds;
        if (ExecuteTask is { IsCompleted: true })
        {
            Log.Stopped(logger, seconds);
        }
        else
        {
            Log.StoppedUnfinished(logger, seconds);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // librdkafka's Consume blocks, so the loop gets a thread of its own.
        Task.Factory.StartNew(() => Run(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var consumer = Build();
            var dispose = true;
            _origin = null;
            try
            {
                consumer.Subscribe(options.JobsTopic);
                Log.Consuming(logger, options.JobsTopic, options.GroupId, options.BootstrapServers!);
                Consume(consumer, stop);
                // A consumer that did not close in time is still in use on another thread: it is left to the process's end.
                dispose = Drain(consumer);
                return;
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                // Unlike hetida's consumer task, which ends for good (spec §7.4 item 5), a failed consumer is replaced;
                // its uncommitted jobs come back to the next one and the answered log keeps them from running twice.
                Log.ConsumerFailed(logger, e);
                Abandon([.. _partitions.Keys]);
                _pending.Clear();
                _paused = stats.Paused = false;
            }
            finally
            {
                if (dispose)
                {
                    consumer.Dispose();
                }
            }
            stop.WaitHandle.WaitOne(RestartDelay);
        }
    }

    private void Consume(IConsumer<byte[]?, byte[]?> consumer, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Feed(consumer);
            try
            {
                var record = consumer.Consume(_pending.Count > 0 ? TimeSpan.FromMilliseconds(20) : TimeSpan.FromMilliseconds(100));
                if (record?.Message is not null)
                {
                    Dispatch(record, RecordSize(record.Message) > options.MaxJobBytes);
                }
            }
            catch (ConsumeException e) when (!e.Error.IsFatal)
            {
                // E.g. the topic does not exist yet: librdkafka keeps trying, and so do we. A batch that inflates beyond
                // receive.message.max.bytes comes back here at every fetch: the probe reads it instead.
                Log.ConsumeError(logger, e.Error.Code, e.Error.Reason);
                _fetchRefused |= e.Error.Code is ErrorCode.MsgSizeTooLarge or ErrorCode.Local_BadCompression;
            }
            if (_fetchRefused && Stopwatch.GetElapsedTime(_lastProbe) >= ProbeInterval)
            {
                Probe(consumer);
            }
            if (Stopwatch.GetElapsedTime(_lastCommit).TotalMilliseconds >= options.CommitIntervalMs)
            {
                Commit(consumer, _partitions.Values);
            }
        }
    }

    /// <summary>Queues a record as a job; one over <see cref="KafkaOptions.MaxJobBytes"/> is refused without being decoded.</summary>
    private void Dispatch(ConsumeResult<byte[]?, byte[]?> record, bool tooLarge, Oversize? unfetchable = null)
    {
        if (!_partitions.TryGetValue(record.TopicPartition, out var progress) || _origin is null)
        {
            return;
        }
        var oversize = unfetchable;
        if (tooLarge)
        {
            oversize = new Oversize(RecordSize(record.Message), options.MaxJobBytes, "Kafka:MaxJobBytes");
        }
        if (oversize is not null)
        {
            // Neither decoded nor kept: the job waits in the queue with its key and headers only.
            record.Message.Value = null;
        }
        stats.OnConsumed();
        JobMetrics.OnReceived(RunwireTelemetry.Transports.Kafka);
        progress.Dispatched(record.Offset.Value);
        _pending.Enqueue(new KafkaJob(record, progress, _services, _origin, oversize));
    }

    /// <summary>
    /// A fetch was refused for its size: read each assigned partition's next record with the probe, queue it (refused
    /// when it is what the consumer cannot fetch) and move the consumer past it.
    /// </summary>
    private void Probe(IConsumer<byte[]?, byte[]?> consumer)
    {
        _fetchRefused = false;
        var positions = _partitions.Values.Where(p => !p.Revoked).Select(p => Position(consumer, p.Partition)).OfType<TopicPartitionOffset>();
        foreach (var read in new FetchProbe(options, logger).Read([.. positions]))
        {
            if (read.Record is { } record)
            {
                var size = RecordSize(record.Message);
                Log.Probed(logger, record.TopicPartitionOffset.ToString(), size);
                Dispatch(record, size > options.MaxJobBytes, size + FetchOverhead > options.ReceiveMaxBytes
                    ? new Oversize(size, options.ReceiveMaxBytes, "receive.message.max.bytes")
                    : null);
                consumer.Seek(new TopicPartitionOffset(record.TopicPartition, record.Offset.Value + 1));
            }
            else if (read.Refused)
            {
                Log.Probed(logger, read.Position.ToString(), -1);
                var unread = new ConsumeResult<byte[]?, byte[]?> { TopicPartitionOffset = read.Position, Message = new Message<byte[]?, byte[]?>() };
                Dispatch(unread, tooLarge: false, new Oversize(null, options.ProbeMaxBytes, "Kafka:ProbeMaxBytes"));
                consumer.Seek(new TopicPartitionOffset(read.Position.TopicPartition, read.Position.Offset.Value + 1));
            }
        }
        _lastProbe = Stopwatch.GetTimestamp();
    }

    /// <summary>
    /// Where the consumer stands in a partition: its position, else the group's commit, else the earliest record (where
    /// a group without commits starts, <c>auto.offset.reset=earliest</c>); null when the broker does not say.
    /// </summary>
    private static TopicPartitionOffset? Position(IConsumer<byte[]?, byte[]?> consumer, TopicPartition partition)
    {
        try
        {
            var position = consumer.Position(partition);
            if (position.Value < 0)
            {
                position = consumer.Committed([partition], TimeSpan.FromSeconds(5)).Single().Offset;
            }
            if (position.Value < 0)
            {
                position = consumer.QueryWatermarkOffsets(partition, TimeSpan.FromSeconds(5)).Low;
            }
            return position.Value >= 0 ? new TopicPartitionOffset(partition, position) : null;
        }
        catch (KafkaException)
        {
            // Asked again at the next probe.
            return null;
        }
    }

    private static long RecordSize(Message<byte[]?, byte[]?> message) =>
        (message.Key?.LongLength ?? 0) + (message.Value?.LongLength ?? 0)
        + (message.Headers?.Sum(h => h.Key.Length + (long)(h.GetValueBytes()?.Length ?? 0)) ?? 0);

    /// <summary>
    /// Moves consumed jobs into the queue. A queue that stays full for <see cref="KafkaOptions.PauseAfter"/> pauses the
    /// assigned partitions; a shorter wait is cheaper than a pause, since a resumed partition takes about a second to
    /// deliver again.
    /// </summary>
    private void Feed(IConsumer<byte[]?, byte[]?> consumer)
    {
        MovePending();
        if (_pending.Count > 0 && !_paused && options.PauseAfter > TimeSpan.Zero)
        {
            var deadline = Stopwatch.GetTimestamp() + (long)(options.PauseAfter.TotalSeconds * Stopwatch.Frequency);
            while (_pending.Count > 0 && Stopwatch.GetTimestamp() < deadline)
            {
                queue.WaitForSpace(TimeSpan.FromMilliseconds(50));
                MovePending();
            }
        }
        if (_pending.Count > 0 && !_paused)
        {
            // Paused partitions drop what librdkafka prefetched and fetch again from our position on resume.
            consumer.Pause(consumer.Assignment);
            _paused = stats.Paused = true;
            Log.Paused(logger, queue.Count);
        }
        else if (_paused && _pending.Count == 0 && queue.Count <= queue.Capacity / 2)
        {
            consumer.Resume(consumer.Assignment);
            _paused = stats.Paused = false;
            Log.Resumed(logger, queue.Count);
        }
        else if (_paused && _repause)
        {
            // Partitions assigned while paused start unpaused.
            consumer.Pause(consumer.Assignment);
            _repause = false;
        }
    }

    private void MovePending()
    {
        while (_pending.TryPeek(out var job) && (job.Progress.Revoked || queue.TryEnqueue(job)))
        {
            _pending.Dequeue();
        }
    }

    private void Commit(IConsumer<byte[]?, byte[]?> consumer, IEnumerable<PartitionProgress> partitions)
    {
        _lastCommit = Stopwatch.GetTimestamp();
        var points = partitions.Select(p => p.CommitPoint()).OfType<TopicPartitionOffset>().ToList();
        if (points.Count == 0)
        {
            return;
        }
        try
        {
            consumer.Commit(points);
            foreach (var point in points)
            {
                _partitions.GetValueOrDefault(point.TopicPartition)?.Committed(point.Offset.Value);
            }
        }
        catch (KafkaException e)
        {
            // Not committing is safe: the answers are recorded, so a redelivery is recognised and skipped.
            Log.CommitFailed(logger, e.Error.Code, e.Error.Reason);
        }
    }

    private void OnAssigned(IConsumer<byte[]?, byte[]?> consumer, List<TopicPartition> partitions)
    {
        if (_origin is null && partitions.Count > 0)
        {
            // Before any record of the topic is read: its jobs' ids depend on it. A failure here replaces the consumer.
            _origin = TopicOrigin.Resolve(consumer.Handle, options.JobsTopic);
            Log.Origin(logger, _origin.ClusterId, _origin.TopicId ?? "-");
        }
        // Before any record of these partitions is read: what other hosts answered there is not answered again.
        markers.Ensure(options.JobsTopic);
        markers.CatchUp(partitions);
        foreach (var partition in partitions)
        {
            _partitions[partition] = new PartitionProgress(partition);
        }
        _repause = _paused;
        stats.Assigned = [.. _partitions.Keys.Select(p => $"{p.Topic}[{p.Partition.Value}]").Order()];
        Log.Assigned(logger, string.Join(", ", stats.Assigned));
    }

    private void OnRevoked(IConsumer<byte[]?, byte[]?> consumer, IEnumerable<TopicPartition> partitions)
    {
        var revoked = partitions.Select(p => _partitions.GetValueOrDefault(p)).OfType<PartitionProgress>().ToList();
        // Answer and commit what already runs, so the next owner neither repeats nor loses it.
        if (!Task.WhenAll(revoked.Select(p => p.RevokeAsync())).Wait(options.RevokeWait))
        {
            Log.RevokeTimedOut(logger, options.RevokeWait.TotalSeconds);
        }
        Commit(consumer, revoked);
        Forget(revoked.Select(p => p.Partition));
    }

    private void OnLost(IEnumerable<TopicPartition> partitions)
    {
        var lost = partitions.ToList();
        Abandon(lost);
        Log.Lost(logger, string.Join(", ", lost));
    }

    /// <summary>
    /// Stop, within <c>ShutdownTimeoutSeconds</c>: running jobs finish and are committed; queued ones are left for
    /// redelivery. Answers the broker has not taken when the time is up are abandoned: their jobs are not recorded as
    /// answered and their offsets not committed, so nothing is lost. False when the consumer did not close in time.
    /// </summary>
    private bool Drain(IConsumer<byte[]?, byte[]?> consumer)
    {
        var started = Interlocked.Read(ref _stopStarted) is var t and > 0 ? t : Stopwatch.GetTimestamp();
        var bound = host.Value.ShutdownTimeout;
        var answerWait = bound * AnswerShare;
        Log.Draining(logger, _partitions.Count);
        var partitions = _partitions.Values.ToList();
        var running = Task.WhenAll(partitions.Select(p => p.RevokeAsync()));
        if (!running.Wait(Remaining(started, answerWait)))
        {
            Log.StopAbandoned(logger, answerWait.TotalSeconds, publisher.PendingCount);
            publisher.Abandon();
            running.Wait(TimeSpan.FromSeconds(1));
        }
        // Commit and close talk to the broker, which may be gone: on another thread, waited for while time is left.
        var closing = Task.Run(() =>
        {
            Commit(consumer, partitions);
            Forget(partitions.Select(p => p.Partition));
            publisher.Flush(TimeSpan.FromSeconds(1));
            consumer.Close();
        });
        var closed = closing.Wait(Remaining(started, bound * CloseShare));
        if (!closed)
        {
            Log.CloseTimedOut(logger, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        return closed;
    }

    private static TimeSpan Remaining(long started, TimeSpan budget)
    {
        var left = budget - Stopwatch.GetElapsedTime(started);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private void Abandon(IEnumerable<TopicPartition> partitions)
    {
        var list = partitions.ToList();
        foreach (var partition in list)
        {
            _ = _partitions.GetValueOrDefault(partition)?.AbandonAsync();
        }
        Forget(list);
    }

    private void Forget(IEnumerable<TopicPartition> partitions)
    {
        foreach (var partition in partitions)
        {
            _partitions.Remove(partition);
        }
        stats.Assigned = [.. _partitions.Keys.Select(p => $"{p.Topic}[{p.Partition.Value}]").Order()];
    }

    private IConsumer<byte[]?, byte[]?> Build()
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = options.BootstrapServers,
            GroupId = options.GroupId,
            ClientId = $"runwire-{Environment.MachineName}-{Environment.ProcessId}",
            // Jobs sent before the group first connected are work too (hetida's aiokafka default "latest" skips them).
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            EnablePartitionEof = false,
            // An empty fetch waits this long even when records arrive meanwhile: it bounds the added latency.
            FetchWaitMaxMs = 10,
            SessionTimeoutMs = options.SessionTimeoutMs,
            HeartbeatIntervalMs = options.HeartbeatIntervalMs,
        };
        foreach (var (key, value) in options.Consumer)
        {
            config.Set(key, value);
        }
        return new ConsumerBuilder<byte[]?, byte[]?>(config)
            .SetPartitionsAssignedHandler(OnAssigned)
            .SetPartitionsRevokedHandler((c, partitions) => OnRevoked(c, partitions.Select(p => p.TopicPartition)))
            .SetPartitionsLostHandler((_, partitions) => OnLost(partitions.Select(p => p.TopicPartition)))
            .SetErrorHandler((_, e) =>
            {
                Log.ClientError(logger, "consumer", e.Code, e.Reason);
                _fetchRefused |= e.Reason.Contains(FetchProbe.RefusedResponse, StringComparison.Ordinal);
            })
            .SetLogHandler((_, m) => Log.ClientLog(logger, "consumer", m.Facility, m.Message))
            .Build();
    }
}
