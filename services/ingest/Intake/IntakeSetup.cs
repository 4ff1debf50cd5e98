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
        return builder;
    }

    public static IEndpointRouteBuilder MapIntake(this IEndpointRouteBuilder app)
    {
        app.MapJobTopic();
        app.MapJobs();
        return app;
    }
}
