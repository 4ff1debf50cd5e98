using System.Text.Json;
using Runwire.Core.Security;
using Runwire.Execution;

namespace Runwire.Host.Kafka;

/// <summary>The direct Kafka transport, on when a bootstrap address is configured.</summary>
internal static class KafkaSetup
{
    public static IHostApplicationBuilder AddKafkaTransport(this IHostApplicationBuilder builder)
    {
        var options = KafkaOptions.From(builder.Configuration);
        if (!options.Enabled)
        {
            return builder;
        }
        var dataDirectory = RunwireOptions.From(builder.Configuration).DataDirectory ?? "data";
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(_ => new AnsweredLog(Path.Combine(dataDirectory, "kafka-answered.log")));
        builder.Services.AddSingleton<AnswerPublisher>();
        builder.Services.AddSingleton<AnsweredTopic>();
        builder.Services.AddSingleton<KafkaStats>();
        builder.Services.AddSingleton(KafkaHealthOptions.From(builder.Configuration));
        builder.Services.AddSingleton<BrokerWatch>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BrokerWatch>());
        builder.Services.AddHealthChecks().AddCheck<KafkaHealthCheck>("kafka");
        // Registered after the job runner, so it stops first: no new jobs are consumed while the running ones finish.
        builder.Services.AddHostedService<KafkaTransport>();
        return builder;
    }

    public static IEndpointRouteBuilder MapKafkaStatus(this IEndpointRouteBuilder app)
    {
        app.MapGet("/kafka", (IServiceProvider services) => services.GetService<KafkaStats>() is { } stats
                ? Results.Json(Status(services.GetRequiredService<KafkaOptions>(), stats, services.GetRequiredService<AnsweredLog>()),
                    JsonSerializerOptions.Web)
                : Results.Json(new { enabled = false }))
            .WithName("KafkaStatus")
            .WithSummary("The Kafka transport's topics, assigned partitions and counters.")
            .Produces(200, contentType: "application/json")
            .RequireAuthorization(AccessRoles.Read);
        return app;
    }

    private static object Status(KafkaOptions options, KafkaStats stats, AnsweredLog answered) => new
    {
        enabled = true,
        bootstrap_servers = options.BootstrapServers,
        group_id = options.GroupId,
        jobs_topic = options.JobsTopic,
        results_topic = options.ResultsTopic,
        dead_letter_topic = options.DeadLetterTopic,
        answered_topic = options.AnsweredTopic,
        assigned = stats.Assigned,
        paused = stats.Paused,
        consumed = stats.Consumed,
        answered = stats.Answered,
        failed = stats.Failed,
        duplicates_skipped = stats.Duplicates,
        dead_lettered = stats.DeadLettered,
        answered_log_entries = answered.Count,
        answered_markers_read = stats.MarkersRead,
    };
}
