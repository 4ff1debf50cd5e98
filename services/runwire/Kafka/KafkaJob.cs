using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using Runwire.Core.Contracts;
using Runwire.Core.Engine;
using Runwire.Host.Jobs;

namespace Runwire.Host.Kafka;

/// <summary>
/// What every Kafka job needs besides its record. <see cref="Publishing"/> bounds the answers waiting for the broker:
/// a worker hands its answer over and takes the next job instead of waiting for the acknowledgement (which takes
/// milliseconds with acks=all, longer than a small job runs).
/// </summary>
internal sealed record KafkaJobServices(AnsweredLog Answered, AnswerPublisher Publisher, KafkaStats Stats, ILogger Logger)
{
    public SemaphoreSlim Publishing { get; } = new(1024);
}

/// <summary>
/// One job record: decode, skip if already answered, execute, publish the one answer (and a dead letter for
/// undecodable bytes), remember it, and only then let its offset be committed.
/// </summary>
internal sealed class KafkaJob(ConsumeResult<byte[]?, byte[]?> record, PartitionProgress progress, KafkaJobServices services) : IQueuedJob
{
    public static readonly ActivitySource Source = new("runwire");

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
        var payload = record.Message.Value ?? [];
        ExecutionJob? job = null;
        try
        {
            job = JobDecoder.Decode(payload);
        }
        catch (JobDecodeException)
        {
        }
        var key = job is { JobIdGiven: true }
            ? $"job:{job.JobId:D}"
            : $"rec:{record.Topic}/{record.Partition.Value}/{record.Offset.Value}";
        while (services.Answered.Claim(key) is { } other)
        {
            if (await other.ConfigureAwait(false))
            {
                services.Stats.OnDuplicate();
                Log.DuplicateSkipped(services.Logger, key, record.TopicPartitionOffset.ToString());
                return Task.FromResult(true);
            }
        }
        try
        {
            using var activity = Source.StartActivity("runwire job", ActivityKind.Consumer, ParentContext());
            var answer = job is not null
                ? await answering.AnswerAsync(job, services.Logger, ct).ConfigureAwait(false)
                : await answering.AnswerAsync(payload, ct).ConfigureAwait(false);
            activity?.SetTag("runwire.job_id", answer.Result.JobId.ToString("D"));
            await services.Publishing.WaitAsync(ct).ConfigureAwait(false);
            return PublishAsync(key, answer, ct);
        }
        catch
        {
            services.Answered.Release(key);
            throw;
        }
    }

    private async Task<bool> PublishAsync(string key, JobAnswer answer, CancellationToken ct)
    {
        try
        {
            if (answer.Kind == JobAnswerKind.Undecodable)
            {
                await services.Publisher.DeadLetterAsync(record, answer, ct).ConfigureAwait(false);
                services.Stats.OnDeadLettered();
            }
            await services.Publisher.PublishResultAsync(record.Message, answer.Result, ct).ConfigureAwait(false);
            services.Answered.Record(key);
            services.Stats.OnAnswered(answer.Result.Ok);
            return true;
        }
        catch (Exception e)
        {
            Log.JobCrashed(services.Logger, e);
            services.Answered.Release(key);
            return false;
        }
        finally
        {
            services.Publishing.Release();
        }
    }

    private ActivityContext ParentContext() =>
        record.Message.Headers is { } headers && headers.TryGetLastBytes("traceparent", out var parent)
        && ActivityContext.TryParse(Encoding.ASCII.GetString(parent),
            headers.TryGetLastBytes("tracestate", out var state) ? Encoding.ASCII.GetString(state) : null, out var context)
            ? context
            : default;
}
