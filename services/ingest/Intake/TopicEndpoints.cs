using Dapr;
using Microsoft.AspNetCore.Http.HttpResults;
using Runwire.Core.Contracts;
using Runwire.Core.Security;
using Runwire.Core.Telemetry;
using Runwire.Ingest.Execution;
using Runwire.Ingest.Board;
using Runwire.ServiceDefaults;

namespace Runwire.Ingest.Intake;

/// <summary>The job topic subscription: decode, start the workflow, and answer daprd at once.</summary>
internal static class TopicEndpoints
{
    public const string Route = "/events/jobs";

    public static IEndpointRouteBuilder MapJobTopic(this IEndpointRouteBuilder app)
    {
        var topics = app.ServiceProvider.GetRequiredService<JobTopics>();
        app.MapPost(Route, HandleJobAsync)
            .WithTopic(new TopicOptions
            {
                PubsubName = DaprNames.PubSub,
                Name = topics.Jobs,
                DeadLetterTopic = topics.DeadLetter,
                EnableRawPayload = true,
            })
            .ExcludeFromDescription()
            // daprd delivers with its app token (APP_API_TOKEN), which holds the internal role.
            .RequireAuthorization(AccessRoles.Internal);
        return app;
    }

    // rawPayload arrives as a CloudEvent whose data_base64 UseCloudEvents() decodes into the body with content type
    // application/octet-stream, so the bytes are read directly: a typed parameter would answer 415, which daprd retries forever.
    internal static async Task<Ok<TopicAnswer>> HandleJobAsync(
        HttpRequest request, JobScheduler scheduler, ResultPublisher publisher, JobBoard board, ILogger<TopicAnswer> log, CancellationToken ct)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        JobMetrics.OnReceived(RunwireTelemetry.Transports.Dapr);
        var delivery = KafkaDelivery.From(request.Headers);
        var body = await RequestBody.ReadAsync(request, ct);
        ExecutionJob job;
        try
        {
            job = JobDecoder.Decode(body);
        }
        catch (JobDecodeException e)
        {
            return await RefuseAsync(e, delivery, receivedAt, publisher, board, body, log, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A decoder bug must not make daprd redeliver the record forever: refuse it like any undecodable one.
            return await RefuseAsync(JobDecodeException.Unreadable($"The job could not be decoded: {e.Message}"), delivery, receivedAt, publisher, board, body, log, ct);
        }
        if (!job.JobIdGiven && delivery.StableJobId() is { } stable)
        {
            job = job with { JobId = stable };
        }
        using var scope = scheduler.BeginJob(job.JobId, delivery.Key);
        try
        {
            var started = await scheduler.StartAsync(job, publishResult: true, delivery.Key, delivery.Traceparent, receivedAt, body, delivery.Record, ct);
            if (!started)
            {
                Log.AlreadyHandled(log, job.JobId, delivery.Partition, delivery.Offset);
            }
            return TypedResults.Ok(TopicAnswer.Success);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Our own fault (sidecar or state store unreachable): daprd redelivers, and the job id keeps it idempotent.
            Log.ScheduleFailed(log, e, job.JobId);
            return TypedResults.Ok(TopicAnswer.Retry);
        }
    }

    private static async Task<Ok<TopicAnswer>> RefuseAsync(
        JobDecodeException error, KafkaDelivery delivery, DateTimeOffset receivedAt, ResultPublisher publisher, JobBoard board, byte[] body,
        ILogger log, CancellationToken ct)
    {
        var result = FailureResults.DecodeFailed(error, processId: Environment.ProcessId);
        if (error.JobIdHint is null && delivery.StableJobId() is { } stable)
        {
            result = result with { JobId = stable };
        }
        using var scope = Log.BeginJob(log, result.JobId.ToString("D"), delivery.Key);
        Log.Undecodable(log, delivery.Partition, delivery.Offset, error.Message);
        // Answered with or without a key, as the standalone host answers it: a record without a key gets an unkeyed
        // result, which its sender finds by job_id (the stable id of where the record lies).
        try
        {
            await publisher.PublishAsync(ResultWriter.ToUtf8(result), result, delivery.Key, delivery.Traceparent, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.ScheduleFailed(log, e, result.JobId);
            return TypedResults.Ok(TopicAnswer.Retry);
        }
        // The sender got its failure result, so this job was answered, and the record is dead-lettered too.
        JobMetrics.OnAnswered(result, RunwireTelemetry.Transports.Dapr, DateTimeOffset.UtcNow - receivedAt);
        JobMetrics.OnDeadLettered(RunwireTelemetry.Transports.Dapr);
        board.Refused(result, body, delivery.Key, delivery.Record, delivery.Traceparent, receivedAt);
        // DROP: daprd sends the original bytes to the dead-letter topic and moves on, so one bad record cannot block its partition.
        return TypedResults.Ok(TopicAnswer.Drop);
    }
}
