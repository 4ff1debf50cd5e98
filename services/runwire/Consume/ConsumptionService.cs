using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using Runwire.Core.Contracts;
using Runwire.Core.Engine;
using Runwire.Core.Telemetry;
using Runwire.DataAdapters.Kafka;
using Runwire.DataAdapters.Protocol;
using Runwire.Host.Kafka;

namespace Runwire.Host.Consume;

/// <summary>
/// Listens to the topic of the Kafka config the fixed execution input's Kafka wirings name and runs the transformation
/// on every message, one at a time in offset order. Each execution's job id is the record's stable id
/// (<see cref="RecordJobId"/>), so a redelivered record runs under the same id. Outputs go to their adapters; the
/// direct_provisioning ones are logged. A message whose execution fails (not JSON, wrong format, wrong type, a failing
/// component or sink) is logged, counted and copied to the dead-letter topic, and consumption goes on. A record's
/// offset is stored for commit only once its outputs are acknowledged (or its dead letter is), so a crash repeats at
/// most the messages in hand; <c>consumer_commit_before</c> / <c>consumer_commit_after</c> commit synchronously too.
/// </summary>
internal sealed class ConsumptionService(ConsumeOptions options, JobAnswering answering, ProtocolAdapters adapters, ILogger<ConsumptionService> logger)
    : BackgroundService
{
    private const string Transport = RunwireTelemetry.Transports.KafkaConsume;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => ConsumeAsync(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private async Task ConsumeAsync(CancellationToken ct)
    {
        var adapter = adapters.Find(KafkaAdapter.AdapterId) as KafkaAdapter
            ?? throw new InvalidOperationException("Consumption mode needs the built-in Kafka adapter.");
        var plan = options.Plan;
        var (settings, grouped) = ConsumerSettings(plan.Config);
        using var deadLetters = new ProducerBuilder<byte[]?, byte[]>(ProducerSettings(plan.Config)).SetLogHandler(Drop).Build();
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(settings)
            .SetLogHandler((_, m) => ConsumeLog.Client(logger, m.Level.ToString(), m.Message)).Build();
        consumer.Subscribe(plan.Config.Topic);
        ConsumeLog.Started(logger, plan.Config.Topic, plan.ConfigKey, plan.Multi, options.Job.TransformationId?.ToString() ?? options.Job.RevisionGroupId?.ToString());
        try
        {
            while (!ct.IsCancellationRequested)
            {
                ConsumeResult<byte[]?, byte[]?> record;
                try
                {
                    record = consumer.Consume(ct);
                }
                catch (ConsumeException e)
                {
                    ConsumeLog.ConsumeFailed(logger, plan.Config.Topic, e.Error.Reason);
                    continue;
                }
                if (plan.Config.ConsumerCommitBefore && grouped)
                {
                    Commit(consumer, record);
                }
                await HandleAsync(adapter, deadLetters, record, ct).ConfigureAwait(false);
                consumer.StoreOffset(record);
                if (plan.Config.ConsumerCommitAfter && grouped)
                {
                    Commit(consumer, record);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: the record in hand has no stored offset, so the group reads it again.
        }
        finally
        {
            // Commits the stored offsets (auto commit) and leaves the group, so the partitions move on at once.
            consumer.Close();
        }
    }

    // A commit refused (the partition moved to another member in a rebalance) is not the message's failure: the
    // stored offset is committed later, or the new owner runs the message again under the same job id.
    private void Commit(IConsumer<byte[]?, byte[]?> consumer, ConsumeResult<byte[]?, byte[]?> record)
    {
        try
        {
            consumer.Commit([new TopicPartitionOffset(record.TopicPartition, record.Offset + 1)]);
        }
        catch (KafkaException e)
        {
            ConsumeLog.CommitFailed(logger, $"{record.Topic}/{record.Partition.Value}/{record.Offset.Value}", e.Error.Reason);
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
        else
        {
            // hetida logs the whole result, since the outputs wired to direct_provisioning go nowhere else.
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

    // Offsets are stored by hand after each message, so auto commit (the client's default) commits handled messages
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
