using Runwire.WebConsole;
using Runwire.WebConsole.Jobs;

namespace Runwire.Ingest.Board;

/// <summary>The web console in Dapr mode: this replica's jobs in a bounded store, updated from the workflow state.</summary>
internal static class JobBoardSetup
{
    public static IHostApplicationBuilder AddJobBoard(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(new JobStore(JobRetention.From(builder.Configuration)));
        builder.Services.AddSingleton<JobBoard>();
        builder.Services.AddSingleton<IJobStateSource, WorkflowJobSource>();
        builder.Services.AddHostedService<UnfinishedJobSweep>();
        builder.AddRunwireConsole();
        return builder;
    }
}
