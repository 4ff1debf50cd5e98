using Runwire.DataAdapters.Kafka;
using Runwire.Ingest.Execution;
using Runwire.ServiceDefaults;

namespace Runwire.Ingest.Intake;

/// <summary>The intake feature: the job topic subscription and the HTTP job API.</summary>
internal static class IntakeSetup
{
    public static IHostApplicationBuilder AddIntake(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDaprClient();
        builder.Services.AddSingleton(JobTopics.From(builder.Configuration));
        builder.Services.AddSingleton<JobScheduler>();
        builder.Services.AddSingleton<ResultPublisher>();
        // Consumption mode, when configured (Runwire:Consume:File or HETIDA_DESIGNER_KAFKA_CONSUMPTION_MODE, with the
        // Kafka configs); settings that cannot run stop the service with the reason.
        if (KafkaConsumptionInput.From(builder.Configuration) is { } consumption)
        {
            builder.Services.AddSingleton(consumption);
        }
        return builder;
    }

    public static IEndpointRouteBuilder MapIntake(this IEndpointRouteBuilder app)
    {
        app.MapJobTopic();
        app.MapConsumption();
        app.MapJobs();
        return app;
    }
}
