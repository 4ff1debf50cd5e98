using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Runwire.Core.Transformations;
using Runwire.ServiceDefaults.Health;

namespace Runwire.Execution;

/// <summary>The executor feature: engine, store and their HTTP API.</summary>
public static class ExecutionSetup
{
    public static IHostApplicationBuilder AddExecution(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRunwireEngine(builder.Configuration);
        builder.Services.AddHealthChecks().AddCheck<TransformationStoreHealthCheck>("transformation-store", tags: [HealthTags.Ready]);
        return builder;
    }

    public static IEndpointRouteBuilder MapExecutor(this IEndpointRouteBuilder app)
    {
        // Import folders are read now: a bad one stops the start with its TransformationImportException instead of failing every request.
        app.ServiceProvider.GetRequiredService<TransformationStore>();
        app.MapExecution();
        app.MapTransformations();
        return app;
    }
}
