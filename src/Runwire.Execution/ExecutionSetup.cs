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
        // Readiness of the store (tag "ready"): built, its folder writable, and in step with the other replicas' imports.
        builder.Services.AddSingleton<TransformationStoreSync>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TransformationStoreSync>());
        builder.Services.AddHealthChecks().AddCheck<TransformationStoreHealthCheck>("transformation-store", tags: [HealthTags.Ready]);
        return builder;
    }

    /// <summary>
    /// Where a service persists imports when <c>Runwire:DataDirectory</c> is not set: the user's data folder
    /// (<c>~/.local/share/runwire/&lt;service&gt;</c>), never the working directory, so <c>dotnet run</c> writes nothing
    /// into the source tree. Replicas that share imports set it to one shared volume (docs/dapr.md).
    /// </summary>
    public static string DefaultDataDirectory(string service) =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "runwire", service);

    public static IEndpointRouteBuilder MapExecutor(this IEndpointRouteBuilder app)
    {
        // Import folders are read now: a bad one stops the start with its TransformationImportException instead of failing every request.
        app.ServiceProvider.GetRequiredService<TransformationStore>();
        app.MapExecution();
        app.MapTransformations();
        return app;
    }
}
