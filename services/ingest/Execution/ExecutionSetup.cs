using Dapr.Client;
using Dapr.Workflow;
using Runwire.Ingest.Payloads;
using Runwire.ServiceDefaults;

namespace Runwire.Ingest.Execution;

/// <summary>The job workflow, its activities' clients and the claim-check store.</summary>
internal static class ExecutionSetup
{
    /// <summary>The executor may run a long graph; the workflow's retry policy, not the client, decides what happens after a timeout.</summary>
    internal static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(10);

    public static IHostApplicationBuilder AddJobWorkflow(this IHostApplicationBuilder builder)
    {
        // Dapr.Workflow 1.19's source generator registers the workflow and its activities (dapr-notes §3.2).
        builder.Services.AddDaprWorkflow(_ => { });
        builder.Services.AddSingleton<IDaprWorkflowClient>(sp => sp.GetRequiredService<DaprWorkflowClient>());
        builder.Services.AddSingleton(DaprSettings.From(builder.Configuration));
        builder.Services.AddSingleton<IPayloadStore, DaprPayloadStore>();
        builder.Services.AddSingleton<AnsweredJobs>();
        builder.Services.AddSingleton<ClaimChecks>();
        // No resilience handler: the activity retry policy owns retries, stacked layers would multiply attempts (dapr-notes §3.4).
        builder.Services.AddHttpClient<ExecutorClient>(c =>
            {
                c.BaseAddress = new Uri($"http://{DaprNames.Executor}/");
                c.Timeout = StepTimeout;
            })
            .AddHttpMessageHandler(() => new InvocationHandler());
        builder.Services.AddHttpClient<AdaptersClient>(c =>
            {
                c.BaseAddress = new Uri($"http://{DaprNames.Adapters}/");
                c.Timeout = StepTimeout;
            })
            .AddHttpMessageHandler(() => new InvocationHandler());
        return builder;
    }
}
