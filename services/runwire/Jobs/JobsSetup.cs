namespace Runwire.Host.Jobs;

/// <summary>The job queue, its workers and the HTTP job API.</summary>
internal static class JobsSetup
{
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(JobsOptions.From(builder.Configuration));
        builder.Services.AddSingleton<JobQueue>();
        builder.Services.AddSingleton<JobBoard>();
        builder.Services.AddHostedService<JobRunner>();
        return builder;
    }
}
