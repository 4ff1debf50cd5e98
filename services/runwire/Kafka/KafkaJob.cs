using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using Runwire.Core.Contracts;
using Runwire.Core.Engine;
using Runwire.Host.Jobs;

namespace Runwire.Host.Kafka;

/// <summary>What every Kafka job needs besides its record.</summary>
internal sealed record KafkaJobServices(AnsweredLog Answered, AnswerPublisher Publisher, KafkaStats Stats, ILogger Logger);

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
        var answered = false;
        try
        {
            answered = await HandleAsync(answering, ct).ConfigureAwait(false);
        }
        finally
        {
            progress.Finished(record.Offset.Value, answered);
        }
    }

    private async Task<bool> HandleAsync(JobAnswering answering, CancellationToken ct)
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
                return true;
            }
        }
        try
        {
            using var activity = Source.StartActivity("runwire job", ActivityKind.Consumer, ParentContext());
            var answer = job is not null
                ? await answering.AnswerAsync(job, services.Logger, ct).ConfigureAwait(false)
                : await answering.AnswerAsync(payload, ct).ConfigureAwait(false);
            activity?.SetTag("runwire.job_id", answer.Result.JobId.ToString("D"));
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
        catch
        {
            services.Answered.Release(key);
            throw;
        }
    }

    private ActivityContext ParentContext() =>
        record.Message.Headers is { } headers && headers.TryGetLastBytes("traceparent", out var parent)
        && ActivityContext.TryParse(Encoding.ASCII.GetString(parent),
            headers.TryGetLastBytes("tracestate", out var state) ? Encoding.ASCII.GetString(state) : null, out var context)
            ? context
            : default;
}
