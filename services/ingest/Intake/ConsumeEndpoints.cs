using Microsoft.AspNetCore.Http.HttpResults;
using Runwire.Core.Security;
using Runwire.Core.Telemetry;
using Runwire.DataAdapters.Kafka;
using Runwire.ServiceDefaults;

namespace Runwire.Ingest.Intake;

/// <summary>
/// hetida's Kafka consumption mode in Dapr mode: a declarative subscription (components/consumption-subscription.yaml)
/// delivers every record of the data topic here as a raw payload; each runs the fixed execution input as a workflow
/// under the record's stable id, its Kafka inputs given the message's values directly. The workflow knows nothing of
/// Kafka: outputs go to their adapters (a Kafka sink through the adapters service's kafka adapter), and the result
/// is kept (GET /jobs/{id}, the console), not published. A record that is no message of the expected format is logged,
/// counted and dead-lettered (<c>DROP</c>), and consumption goes on.
/// </summary>
internal static class ConsumeEndpoints
{
    public const string Route = "/events/consume";

    public static IEndpointRouteBuilder MapConsumption(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<KafkaConsumptionInput>() is null)
        {
            return app;
        }
        var maxJob = RequestLimits.MaxRequestBytes(app.ServiceProvider.GetRequiredService<IConfiguration>());
        app.MapPost(Route, HandleAsync)
            .ExcludeFromDescription()
            .WithBodyLimit(maxJob <= 0 ? long.MaxValue : TopicEndpoints.EnvelopeBytes(maxJob))
            .RequireAuthorization(AccessRoles.Internal);
        return app;
    }

    internal static async Task<Ok<TopicAnswer>> HandleAsync(
        HttpRequest request, KafkaConsumptionInput input, JobScheduler scheduler, ILogger<KafkaConsumptionInput> log, CancellationToken ct)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        JobMetrics.OnReceived(RunwireTelemetry.Transports.KafkaConsume);
        var delivery = KafkaDelivery.From(request.Headers);
        var body = await RequestBody.ReadAsync(request, ct);
        if (delivery.StableJobId() is not { } jobId)
        {
            // daprd always names where the record lies; without it there is no id that keeps a redelivery from running twice.
            Log.ConsumeRefused(log, delivery.Partition, delivery.Offset, "the delivery names no topic, partition and offset");
            JobMetrics.OnDeadLettered(RunwireTelemetry.Transports.KafkaConsume);
            return TypedResults.Ok(TopicAnswer.Drop);
        }
        Core.Contracts.ExecutionJob job;
        try
        {
            job = input.JobFor(jobId, body);
        }
        catch (FormatException e)
        {
            Log.ConsumeRefused(log, delivery.Partition, delivery.Offset, e.Message);
            JobMetrics.OnDeadLettered(RunwireTelemetry.Transports.KafkaConsume);
            return TypedResults.Ok(TopicAnswer.Drop);
        }
        return await TopicEndpoints.StartAsync(job, publishResult: false, delivery, receivedAt, body, scheduler, log, ct);
    }
}
