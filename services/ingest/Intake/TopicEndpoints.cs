using Dapr;
using Microsoft.AspNetCore.Http.HttpResults;
using Runwire.Core.Engine;
using Runwire.Core.Security;
using Runwire.Core.Telemetry;
using Runwire.Ingest.Board;
using Runwire.Ingest.Execution;
using Runwire.ServiceDefaults;

namespace Runwire.Ingest.Intake;

/// <summary>The job topic subscription: decode, start the workflow, and answer daprd at once.</summary>
internal static class TopicEndpoints
{
    public const string Route = "/events/jobs";

    public static IEndpointRouteBuilder MapJobTopic(this IEndpointRouteBuilder app)
    {
        var topics = app.ServiceProvider.GetRequiredService<JobTopics>();
        var maxJob = RequestLimits.MaxRequestBytes(app.ServiceProvider.GetRequiredService<IConfiguration>());
        app.MapPost(Route, HandleJobAsync)
            .WithTopic(new TopicOptions
            {
                PubsubName = DaprNames.PubSub,
                Name = topics.Jobs,
                DeadLetterTopic = topics.DeadLetter,
                EnableRawPayload = true,
            })
            .ExcludeFromDescription()
            // The record arrives base64-encoded in a CloudEvent, which UseCloudEvents() reads before this endpoint: the
            // envelope of a record at the job limit must get through, so the record itself is refused by its size below
            // (a 413 here would be redelivered by daprd for ever).
            .WithBodyLimit(maxJob <= 0 ? long.MaxValue : EnvelopeBytes(maxJob))
            // daprd delivers with its app token (APP_API_TOKEN), which holds the internal role.
            .RequireAuthorization(AccessRoles.Internal);
        return app;
    }

    // rawPayload arrives as a CloudEvent whose data_base64 UseCloudEvents() decodes into the body with content type
    // application/octet-stream, so the bytes are read directly: a typed parameter would answer 415, which daprd retries forever.
    internal static async Task<Ok<TopicAnswer>> HandleJobAsync(
        HttpRequest request, JobScheduler scheduler, ResultPublisher publisher, JobBoard board, IConfiguration config, ILogger<TopicAnswer> log,
        CancellationToken ct)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        JobMetrics.OnReceived(RunwireTelemetry.Transports.Dapr);
        var delivery = KafkaDelivery.From(request.Headers);
        var body = await RequestBody.ReadAsync(request, ct);
        var maxJob = RequestLimits.MaxRequestBytes(config);
        // The standalone Kafka transport's intake: the same decoder, the same id for a job that names none (where the
        // record lies), the same refusals for bytes that are no job or too large to read.
        var (decoded, refusal) = maxJob > 0 && body.Length > maxJob
            ? (null, JobAnswering.TooLarge(delivery.StableJobId() ?? Guid.NewGuid(), body.Length, maxJob, RequestLimits.MaxRequestBytesSetting))
            : JobAnswering.Decode(body, jobIdIfNone: delivery.StableJobId());
        if (decoded is not { } job)
        {
            return await RefuseAsync(refusal!, delivery, receivedAt, scheduler, publisher, board, body, log, ct);
        }
        return await StartAsync(job, publishResult: true, delivery, receivedAt, body, scheduler, log, ct);
    }

    /// <summary>
    /// Starts a delivered record's workflow and tells daprd: <c>SUCCESS</c> once it runs (or already ran: a redelivery),
    /// <c>RETRY</c> when ingest itself failed (sidecar or state store unreachable); the job id keeps a retry idempotent.
    /// </summary>
    internal static async Task<Ok<TopicAnswer>> StartAsync(Core.Contracts.ExecutionJob job, bool publishResult, KafkaDelivery delivery, DateTimeOffset receivedAt,
        byte[] body, JobScheduler scheduler, ILogger log, CancellationToken ct)
    {
        using var scope = scheduler.BeginJob(job.JobId, delivery.Key);
        try
        {
            if (!await scheduler.StartAsync(job, publishResult, delivery.Key, delivery.Traceparent, receivedAt, body, delivery.Record, ct))
            {
                Log.AlreadyHandled(log, job.JobId, delivery.Partition, delivery.Offset);
            }
            return TypedResults.Ok(TopicAnswer.Success);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.ScheduleFailed(log, e, job.JobId);
            return TypedResults.Ok(TopicAnswer.Retry);
        }
    }

    private static async Task<Ok<TopicAnswer>> RefuseAsync(JobAnswer refusal, KafkaDelivery delivery, DateTimeOffset receivedAt,
        JobScheduler scheduler, ResultPublisher publisher, JobBoard board, byte[] body, ILogger log, CancellationToken ct)
    {
        var result = refusal.Result;
        using var scope = Log.BeginJob(log, result.JobId.ToString("D"), delivery.Key);
        Log.Undecodable(log, delivery.Partition, delivery.Offset, result.Error!.Message);
        // Answered with or without a key, as the standalone host answers it: a record without a key gets an unkeyed
        // result, which its sender finds by job_id (the stable id of where the record lies).
        try
        {
            if (delivery.StableJobId() is { } recordId)
            {
                // The answer step of a workflow publishes it, on durable timers through an outage, and counts it.
                await scheduler.AnswerRefusalAsync(recordId, refusal, delivery.Key, delivery.Traceparent, receivedAt, body, delivery.Record, ct);
            }
            else
            {
                // Without the record's place (not how daprd delivers) there is no id to keep the answer by: publish now.
                await publisher.PublishAsync(refusal.ToUtf8(), result, delivery.Key, delivery.Traceparent, ct);
                JobMetrics.OnAnswered(result, RunwireTelemetry.Transports.Dapr, DateTimeOffset.UtcNow - receivedAt);
                board.Refused(result, body, delivery.Key, delivery.Record, delivery.Traceparent, receivedAt);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.ScheduleFailed(log, e, result.JobId);
            return TypedResults.Ok(TopicAnswer.Retry);
        }
        JobMetrics.OnDeadLettered(RunwireTelemetry.Transports.Dapr);
        // DROP: daprd sends the original bytes to the dead-letter topic and moves on, so one bad record cannot block its partition.
        return TypedResults.Ok(TopicAnswer.Drop);
    }

    /// <summary>The CloudEvent of a record of <paramref name="maxJob"/> bytes: base64 (4/3) plus the envelope's fields.</summary>
    internal static long EnvelopeBytes(long maxJob) => maxJob > (long.MaxValue - (1 << 20)) / 4 * 3 ? long.MaxValue : maxJob / 3 * 4 + 4 + (1 << 20);
}
