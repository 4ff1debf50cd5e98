using Runwire.ServiceDefaults.Health;

namespace Runwire.Ingest.Health;

/// <summary>Ingest is ready when its sidecar and the sidecar's workflow engine answer.</summary>
internal static class HealthSetup
{
    public static IHostApplicationBuilder AddReadiness(this IHostApplicationBuilder builder)
    {
        builder.AddDaprSidecarCheck();
        if (builder.Configuration.GetValue(DaprSidecarSetup.Setting, true))
        {
            builder.Services.AddHealthChecks().AddCheck<WorkflowRuntimeHealthCheck>("workflow-runtime", tags: [HealthTags.Ready]);
        }
        return builder;
    }
}
