namespace Runwire.Host.Jobs;

/// <summary>The job queue, its workers and the board of jobs (HTTP and Kafka) that GET /jobs and the console read.</summary>
internal static class JobsSetup
{
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(JobsOptions.From(builder.Configuration));
        builder.Services.AddSingleton<JobQueue>();
        builder.Services.AddSingleton<JobBoard>();
        // What GET /jobs and the console read.
        builder.Services.AddSingleton(sp => sp.GetRequiredService<JobBoard>().Store);
        builder.Services.AddHostedService<JobRunner>();
        return builder;
    }
}
