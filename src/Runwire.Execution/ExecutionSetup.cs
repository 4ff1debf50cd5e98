using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Runwire.Execution;

/// <summary>The executor feature: engine, store and their HTTP API.</summary>
public static class ExecutionSetup
{
    public static IHostApplicationBuilder AddExecution(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRunwireEngine(builder.Configuration);
        return builder;
    }

    public static IEndpointRouteBuilder MapExecutor(this IEndpointRouteBuilder app)
    {
        app.MapExecution();
        app.MapTransformations();
        return app;
    }
}
