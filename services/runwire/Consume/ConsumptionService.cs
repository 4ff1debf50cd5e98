using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using Runwire.Core.Contracts;
using Runwire.Core.Engine;
using Runwire.Core.Telemetry;
using Runwire.DataAdapters.Kafka;
using Runwire.DataAdapters.Protocol;
using Runwire.Host.Kafka;
using Microsoft.Extensions.Options;

namespace Runwire.Host.Consume;

/// <summary>
/// Listens to the topic of the Kafka config the fixed execution input's Kafka wirings name and runs the transformation
/// on every message, up to <see cref="ConsumeOptions.MaxInFlight"/> at once (started in the order the consumer returns
/// them; their outputs may come out in any order). Each execution's job id is the record's stable id
/// (<see cref="RecordJobId"/>), so a redelivered record runs under the same id. Outputs go to their adapters; the
/// direct_provisioning ones are logged. A message whose execution fails (not JSON, wrong format, wrong type, a failing
/// component or sink) is logged, counted and copied to the dead-letter topic, and consumption goes on. A partition's
/// offset is stored for commit only up to its first message whose outputs (or dead letter) are not acknowledged yet
/// (<see cref="PartitionProgress"/>, as the job transport keeps it), so a crash repeats at most the messages in flight;
/// <c>consumer_commit_after</c> commits each new point synchronously, <c>consumer_commit_before</c> commits a message
/// before it runs. A revocation or a stop lets the running messages finish and stores their offsets first.
/// </summary>
internal sealed class ConsumptionService(
    ConsumeOptions options, JobAnswering answering, ProtocolAdapters adapters, IOptions<HostOptions> host, ILogger<ConsumptionService> logger)
    : BackgroundService
{
    private const string Transport = RunwireTelemetry.Transports.KafkaConsume;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>The part of <c>ShutdownTimeoutSeconds</c> a stop or revocation waits for the running messages.</summary>
    private const double DrainShare = 0.5;

    // Touched on the consumer thread only (the rebalance handlers run inside Consume); the progress objects are shared
    // with the running messages.
    private readonly Dictionary<TopicPartition, PartitionProgress> _partitions = [];

    // Cancels the running messages only when a stop's drain runs out of time: a stop otherwise lets them finish.
    private readonly CancellationTokenSource _abort = new();
    private SemaphoreSlim? _slots;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Consume(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public override void Dispose()
    {
        _abort.Dispose();
        _slots?.Dispose();
        base.Dispose();
    }

    private void Consume(CancellationToken ct)
    {
        var adapter = adapters.Find(KafkaAdapter.AdapterId) as KafkaAdapter
            ?? throw new InvalidOperationException("Consumption mode needs the built-in Kafka adapter.");
        var plan = options.Plan;
        var (settings, grouped) = ConsumerSettings(plan.Config);
        var commitBefore = plan.Config.ConsumerCommitBefore && grouped;
        var commitAfter = plan.Config.ConsumerCommitAfter && grouped;
        var slots = _slots = new SemaphoreSlim(options.MaxInFlight);
        using var deadLetters = new ProducerBuilder<byte[]?, byte[]>(ProducerSettings(plan.Config)).SetLogHandler(Drop).Build();
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(settings)
            .SetPartitionsAssignedHandler((_, assigned) => assigned.ForEach(p => _partitions[p] = new PartitionProgress(p)))
            .SetPartitionsRevokedHandler((c, revoked) => Hand(c, [.. revoked.Select(p => p.TopicPartition)], grouped, stopping: false))
            .SetPartitionsLostHandler((_, lost) => Abandon(lost.Select(p => p.TopicPartition)))
            .SetLogHandler((_, m) => ConsumeLog.Client(logger, m.Level.ToString(), m.Message)).Build();
        consumer.Subscribe(plan.Config.Topic);
        ConsumeLog.Started(logger, plan.Config.Topic, plan.ConfigKey, plan.Multi, options.Job.TransformationId?.ToString() ?? options.Job.RevisionGroupId?.ToString(),
            options.MaxInFlight);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                // A free slot first: a record is only taken when it can start, so at most MaxInFlight are in hand.
                if (!slots.Wait(Poll, ct))
                {
                    Store(consumer, commitAfter);
                    continue;
                }
                var started = false;
                try
                {
                    ConsumeResult<byte[]?, byte[]?>? record;
                    try
                    {
                        record = consumer.Consume(Poll);
                    }
                    catch (ConsumeException e)
                    {
                        ConsumeLog.ConsumeFailed(logger, plan.Config.Topic, e.Error.Reason);
                        continue;
                    }
                    if (record?.Message is not null && _partitions.TryGetValue(record.TopicPartition, out var progress))
                    {
                        if (commitBefore)
                        {
                            Commit(consumer, [new TopicPartitionOffset(record.TopicPartition, record.Offset + 1)]);
                        }
                        progress.Dispatched(record.Offset.Value);
                        if (progress.TryStart())
                        {
                            started = true;
                            _ = RunAsync(adapter, deadLetters, record, progress, slots);
                        }
                    }
                    Store(consumer, commitAfter);
                }
                finally
                {
                    if (!started)
                    {
                        slots.Release();
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: drained below.
        }
        // Running messages finish and their offsets are stored; what was not taken yet is read again after a restart.
        Hand(consumer, [.. _partitions.Keys], grouped, stopping: true);
        // Commits the stored offsets (auto commit) and leaves the group, so the partitions move on at once.
        consumer.Close();
    }

    private async Task RunAsync(KafkaAdapter adapter, IProducer<byte[]?, byte[]> deadLetters, ConsumeResult<byte[]?, byte[]?> record,
        PartitionProgress progress, SemaphoreSlim slots)
    {
        var done = false;
        try
        {
            // Off the consumer thread: the execution's synchronous start must not hold up the next record.
            await Task.Yield();
            await HandleAsync(adapter, deadLetters, record, _abort.Token).ConfigureAwait(false);
            done = true;
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            // Abandoned by a stop that ran out of time: not done, so its offset is not stored and it runs again.
        }
        catch (Exception e)
        {
            // Not the message's failure (those are answers): left undone, so its offset and every later one stay unstored.
            ConsumeLog.Crashed(logger, $"{record.Topic}/{record.Partition.Value}/{record.Offset.Value}", e);
        }
        finally
        {
            progress.Finished(record.Offset.Value, done);
            slots.Release();
        }
    }

    /// <summary>
    /// Stores the offsets that moved: each partition's first unfinished offset, everything before it done. With
    /// <c>consumer_commit_after</c> (or <paramref name="commit"/>) they are committed at once as well.
    /// </summary>
    private void Store(IConsumer<byte[]?, byte[]?> consumer, bool commit, IEnumerable<PartitionProgress>? partitions = null)
    {
        var points = (partitions ?? _partitions.Values).Select(p => p.CommitPoint()).OfType<TopicPartitionOffset>().ToList();
        if (points.Count == 0)
        {
            return;
        }
        foreach (var point in points)
        {
            try
            {
                consumer.StoreOffset(point);
                _partitions.GetValueOrDefault(point.TopicPartition)?.Committed(point.Offset.Value);
            }
            catch (KafkaException e)
            {
                // The partition is no longer assigned here: its next owner runs the message again under the same job id.
                ConsumeLog.CommitFailed(logger, point.ToString(), e.Error.Reason);
            }
        }
        if (commit)
        {
            Commit(consumer, points);
        }
    }

    /// <summary>
    /// Partitions leave (revoked, or all at a stop): no new messages of theirs start, the running ones get up to half
    /// of <c>ShutdownTimeoutSeconds</c> to finish (after that a stop cancels them, unstored; a revocation leaves them to
    /// finish unstored, the next owner runs them again), and what is done is stored and, in a group, committed.
    /// </summary>
    private void Hand(IConsumer<byte[]?, byte[]?> consumer, List<TopicPartition> partitions, bool commit, bool stopping)
    {
        var leaving = partitions.Select(p => _partitions.GetValueOrDefault(p)).OfType<PartitionProgress>().ToList();
        var wait = host.Value.ShutdownTimeout * DrainShare;
        if (!Task.WhenAll(leaving.Select(p => p.RevokeAsync())).Wait(wait))
        {
            ConsumeLog.DrainTimedOut(logger, wait.TotalSeconds);
            if (stopping)
            {
                _abort.Cancel();
            }
        }
        Store(consumer, commit, leaving);
        foreach (var partition in partitions)
        {
            _partitions.Remove(partition);
        }
    }

    private void Abandon(IEnumerable<TopicPartition> partitions)
    {
        foreach (var partition in partitions)
        {
            if (_partitions.Remove(partition, out var progress))
            {
                _ = progress.AbandonAsync();
            }
        }
    }

    // A commit refused (the partition moved to another member in a rebalance) is not the message's failure: the
    // stored offset is committed later, or the new owner runs the message again under the same job id.
    private void Commit(IConsumer<byte[]?, byte[]?> consumer, List<TopicPartitionOffset> points)
    {
        try
        {
            consumer.Commit(points);
        }
        catch (KafkaException e)
        {
            ConsumeLog.CommitFailed(logger, string.Join(", ", points), e.Error.Reason);
        }
    }

    private async Task HandleAsync(KafkaAdapter adapter, IProducer<byte[]?, byte[]> deadLetters, ConsumeResult<byte[]?, byte[]?> record, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        JobMetrics.OnReceived(Transport);
        var jobId = RecordJobId.From(record.Topic, record.Partition.Value, record.Offset.Value);
        var job = options.Job with { JobId = jobId, JobIdGiven = true };
        JobAnswer answer;
        using (adapter.Bind(jobId, options.Plan.ConfigKey, record.Message.Value ?? []))
        using (Trace(record, jobId))
        {
            answer = await answering.AnswerAsync(job, ct).ConfigureAwait(false);
        }
        var where = $"{record.Topic}/{record.Partition.Value}/{record.Offset.Value}";
        if (answer.Result.Error is { } error)
        {
            ConsumeLog.Failed(logger, jobId, where, error.ProcessStage.ToString(), error.Type, error.Message);
            await DeadLetterAsync(deadLetters, record, $"{error.Type}: {error.Message}", ct).ConfigureAwait(false);
            JobMetrics.OnDeadLettered(Transport);
        }
        else if (logger.IsEnabled(LogLevel.Information))
        {
            // hetida logs the whole result, since the outputs wired to direct_provisioning go nowhere else; encoded only
            // when the line is written.
            ConsumeLog.Executed(logger, jobId, where, Encoding.UTF8.GetString(answer.ToUtf8()));
        }
        JobMetrics.OnAnswered(answer.Result, Transport, Stopwatch.GetElapsedTime(started));
    }

    // A dead letter that the broker does not take now is tried again: the record's offset is not stored before it is out.
    private async Task DeadLetterAsync(IProducer<byte[]?, byte[]> producer, ConsumeResult<byte[]?, byte[]?> record, string reason, CancellationToken ct)
    {
        var letter = AnswerPublisher.Letter(record, reason);
        while (true)
        {
            try
            {
                await producer.ProduceAsync(options.DeadLetterTopic, letter, ct).ConfigureAwait(false);
                return;
            }
            catch (ProduceException<byte[]?, byte[]> e)
            {
                ConsumeLog.DeadLetterRetry(logger, options.DeadLetterTopic, e.Error.Reason);
                await Task.Delay(RetryDelay, ct).ConfigureAwait(false);
            }
        }
    }

    private static Activity? Trace(ConsumeResult<byte[]?, byte[]?> record, Guid jobId)
    {
        if (!RunwireTelemetry.Source.HasListeners())
        {
            return null;
        }
        var span = RunwireTelemetry.Source.StartActivity($"{RunwireTelemetry.Spans.Job} {record.Topic}", ActivityKind.Consumer,
            KafkaJob.ParentContext(record.Message.Headers));
        span?.SetTag(RunwireTelemetry.Tags.JobId, jobId.ToString())
            .SetTag(RunwireTelemetry.Tags.Transport, Transport)
            .SetTag(RunwireTelemetry.Tags.MessagingDestination, record.Topic)
            .SetTag(RunwireTelemetry.Tags.MessagingPartition, record.Partition.Value)
            .SetTag(RunwireTelemetry.Tags.KafkaOffset, record.Offset.Value);
        return span;
    }

    // Offsets are stored by hand as messages finish, so auto commit (the client's default) commits handled messages
    // only. Without a group id (hetida allows one) a private group reads on from the topic's end and commits nothing.
    private static (ConsumerConfig Settings, bool Grouped) ConsumerSettings(KafkaTopicConfig config)
    {
        var settings = new ConsumerConfig(config.ConsumerConfig.ToDictionary()) { EnableAutoOffsetStore = false };
        if (settings.GroupId is not null)
        {
            return (settings, true);
        }
        settings.GroupId = "runwire-consume-" + Guid.NewGuid();
        settings.EnableAutoCommit = false;
        return (settings, false);
    }

    // The dead-letter producer reaches the cluster the messages come from: the consumer's connection settings, then
    // the config's producer settings on top.
    private static ProducerConfig ProducerSettings(KafkaTopicConfig config)
    {
        var settings = config.ConsumerConfig
            .Where(p => p.Key.StartsWith("bootstrap.", StringComparison.Ordinal) || p.Key.StartsWith("security.", StringComparison.Ordinal)
                || p.Key.StartsWith("sasl.", StringComparison.Ordinal) || p.Key.StartsWith("ssl.", StringComparison.Ordinal))
            .ToDictionary();
        foreach (var (key, value) in config.ProducerConfig)
        {
            settings[key] = value;
        }
        return new ProducerConfig(settings);
    }

    private static void Drop(IProducer<byte[]?, byte[]> producer, LogMessage message)
    {
    }
}
