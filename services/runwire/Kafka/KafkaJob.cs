using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using Runwire.WebConsole.Jobs;
using Runwire.Core.Engine;
using Runwire.Core.Telemetry;
using Runwire.Host.Jobs;
using Runwire.ServiceDefaults;
using static Runwire.Core.Telemetry.RunwireTelemetry;

namespace Runwire.Host.Kafka;

/// <summary>
/// What every Kafka job needs besides its record. <see cref="Publishing"/> bounds the answers waiting for the broker:
/// a worker hands its answer over and takes the next job instead of waiting for the acknowledgement (which takes
/// milliseconds with acks=all, longer than a small job runs).
/// </summary>
internal sealed record KafkaJobServices(
    AnsweredLog Answered, AnsweredTopic Markers, AnswerPublisher Publisher, KafkaStats Stats, ILogger Logger, string GroupId, JobBoard Board)
{
    public SemaphoreSlim Publishing { get; } = new(1024);
}

/// <summary>
/// One job record: decode, skip if already answered, execute, publish the one answer (and a dead letter for
/// undecodable bytes), remember it, and only then let its offset be committed. The whole of it is one span,
/// <c>process &lt;topic&gt;</c>, from the moment the record was consumed; the record's <c>traceparent</c> header is its
/// parent, so the job joins its producer's trace.
/// </summary>
internal sealed class KafkaJob(
    ConsumeResult<byte[]?, byte[]?> record, PartitionProgress progress, KafkaJobServices services, TopicOrigin origin, Oversize? oversize = null)
    : IQueuedJob
{
    private readonly DateTimeOffset _consumedAt = DateTimeOffset.UtcNow;
    private readonly long _consumedTicks = Stopwatch.GetTimestamp();

    public PartitionProgress Progress => progress;

    public async Task RunAsync(JobAnswering answering, CancellationToken ct)
    {
        if (!progress.TryStart())
        {
            return;
        }
        Task<bool> answered;
        try
        {
            answered = await ExecuteAsync(answering, ct).ConfigureAwait(false);
        }
        catch
        {
            progress.Finished(record.Offset.Value, answered: false);
            throw;
        }
        // The offset counts as running until the answer is out, so a revocation or a stop waits for it.
        _ = answered.ContinueWith(t => progress.Finished(record.Offset.Value, t.IsCompletedSuccessfully && t.Result),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Runs the job; the returned task publishes its answer and is true once the answer is out and recorded.</summary>
    private async Task<Task<bool>> ExecuteAsync(JobAnswering answering, CancellationToken ct)
    {
        // Ended when the answer is out (in PublishAsync), not when the worker moves on.
        var parent = ParentContext(record.Message.Headers);
        var keyText = record.Message.Key is { } keyBytes ? Encoding.UTF8.GetString(keyBytes) : null;
        var span = StartJobSpan(parent, keyText);
        // With tracing off there is no span to give log lines a TraceId; the producer's trace id stands in for it.
        using var scope = services.Logger.BeginScope(span is null && parent != default
            ? LogScope.Of(("KafkaKey", keyText), ("KafkaRecord", record.TopicPartitionOffset.ToString()), ("TraceId", parent.TraceId.ToHexString()))
            : LogScope.Of(("KafkaKey", keyText), ("KafkaRecord", record.TopicPartitionOffset.ToString())));
        // A job without job_id is known by where its record lies, in the answered log and in its result alike.
        var recordId = origin.JobId(record.TopicPartitionOffset);
        var (job, refusal) = oversize is { } big
            ? (null, big.Refusal(recordId))
            : JobAnswering.Decode(record.Message.Value ?? [], jobIdIfNone: recordId);
        using var jobScope = job is null ? null : services.Logger.BeginScope(LogScope.Of(("JobId", job.JobId.ToString("D"))));
        var key = $"job:{(job is { JobIdGiven: true } ? job.JobId : recordId):D}";
        try
        {
            while (services.Answered.Claim(key) is { } other)
            {
                if (await other.ConfigureAwait(false))
                {
                    services.Stats.OnDuplicate();
                    JobMetrics.OnDuplicate(Transports.Kafka);
                    Log.DuplicateSkipped(services.Logger, key, record.TopicPartitionOffset.ToString());
                    span?.SetTag("runwire.duplicate", true);
                    span?.Dispose();
                    return Task.FromResult(true);
                }
            }
        }
        catch
        {
            span?.Dispose();
            throw;
        }
        // Held for GET /jobs and the console once it runs here (a skipped duplicate is not a job of its own).
        var held = services.Board.AddKafka(job?.JobId ?? refusal!.Result.JobId, job, oversize is null ? record.Message.Value : null, keyText,
            record.TopicPartitionOffset.ToString());
        try
        {
            var answer = job is not null ? await answering.AnswerAsync(job, services.Logger, ct).ConfigureAwait(false) : refusal!;
            span?.SetTag(Tags.JobId, answer.Result.JobId.ToString("D"));
            if (answer.Result.Error is { } error)
            {
                span.Fail(error.Type, error.ProcessStage.ToString());
                Log.JobFailed(services.Logger, answer.Result.JobId, error.ProcessStage.ToString(), error.Type);
            }
            else
            {
                Log.JobSucceeded(services.Logger, answer.Result.JobId);
            }
            if (progress.Abandoned)
            {
                // The partition was lost and its next owner reads the answered topic and runs the job itself: an answer
                // from here would be a second one. The job stays unanswered here, so nothing is recorded or committed.
                services.Answered.Release(key);
                ForgetHeld(held);
                span?.Dispose();
                return Task.FromResult(false);
            }
            if (held is not null)
            {
                services.Board.Finish(held, answer, span?.TraceId ?? parent.TraceId);
            }
            await services.Publishing.WaitAsync(ct).ConfigureAwait(false);
            return PublishAsync(key, answer, span, ct);
        }
        catch
        {
            services.Answered.Release(key);
            ForgetHeld(held);
            span?.Dispose();
            throw;
        }
    }

    private void ForgetHeld(StoredJob? held)
    {
        if (held is not null)
        {
            services.Board.Remove(held);
        }
    }

    private async Task<bool> PublishAsync(string key, JobAnswer answer, Activity? jobSpan, CancellationToken ct)
    {
        try
        {
            if (answer.Kind == JobAnswerKind.Undecodable)
            {
                using var letter = StartPublishSpan(services.Publisher.DeadLetterTopic);
                await services.Publisher.DeadLetterAsync(record, answer, oversize, ct).ConfigureAwait(false);
                services.Stats.OnDeadLettered();
                JobMetrics.OnDeadLettered(Transports.Kafka);
            }
            using (var publish = StartPublishSpan(services.Publisher.ResultsTopic))
            {
                if (answer.Result.Error is { } error)
                {
                    publish?.SetTag(Tags.ErrorType, error.Type);
                }
                await services.Publisher.PublishResultAsync(record.Message, answer, publish, ct).ConfigureAwait(false);
            }
            services.Answered.Record(key);
            // Only after the answer is acknowledged (a marker without an answer would lose the job), and before the
            // offset may be committed: a host that takes the partition over before the commit skips the job.
            await services.Markers.MarkAsync(key, record.TopicPartitionOffset, ct).ConfigureAwait(false);
            services.Stats.OnAnswered(answer.Result.Ok);
            JobMetrics.OnAnswered(answer.Result, Transports.Kafka, Stopwatch.GetElapsedTime(_consumedTicks));
            return true;
        }
        catch (OperationCanceledException)
        {
            Log.AnswerAbandoned(services.Logger, answer.Result.JobId);
            services.Answered.Release(key);
            return false;
        }
        catch (Exception e)
        {
            Log.JobCrashed(services.Logger, e);
            jobSpan?.AddException(e);
            services.Answered.Release(key);
            return false;
        }
        finally
        {
            services.Publishing.Release();
            jobSpan?.Dispose();
        }
    }

    private Activity? StartJobSpan(ActivityContext parent, string? key)
    {
        if (!Source.HasListeners())
        {
            return null;
        }
        var span = Source.StartActivity(ActivityKind.Consumer, parent, startTime: _consumedAt,
            name: $"process {record.Topic}");
        span?.SetTag(Tags.Transport, Transports.Kafka)
            .SetTag(Tags.MessagingSystem, "kafka")
            .SetTag(Tags.MessagingOperation, "process")
            .SetTag(Tags.MessagingDestination, record.Topic)
            .SetTag(Tags.MessagingPartition, record.Partition.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .SetTag(Tags.KafkaOffset, record.Offset.Value)
            .SetTag(Tags.KafkaGroup, services.GroupId)
            .SetTag(Tags.KafkaKey, key);
        return span;
    }

    /// <summary>A producer span under the current one (the job's); null when tracing is off.</summary>
    private static Activity? StartPublishSpan(string topic)
    {
        if (!Source.HasListeners())
        {
            return null;
        }
        var span = Source.StartActivity($"{Spans.Publish} {topic}", ActivityKind.Producer);
        span?.SetTag(Tags.MessagingSystem, "kafka")
            .SetTag(Tags.MessagingOperation, "send")
            .SetTag(Tags.MessagingDestination, topic);
        return span;
    }

    /// <summary>The span context a record's <c>traceparent</c> (and <c>tracestate</c>) header names; default without one.</summary>
    internal static ActivityContext ParentContext(Headers? headers) =>
        headers is not null && headers.TryGetLastBytes("traceparent", out var parent)
        && ActivityContext.TryParse(Encoding.ASCII.GetString(parent),
            headers.TryGetLastBytes("tracestate", out var state) ? Encoding.ASCII.GetString(state) : null, out var context)
            ? context
            : default;
}
