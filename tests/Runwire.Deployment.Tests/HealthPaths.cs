using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Runwire.ServiceDefaults;

namespace Runwire.Deployment.Tests;

/// <summary>The health endpoints the probes and Dapr's app health check may name, read from a host that maps them.</summary>
internal static class HealthPaths
{
    public const string Live = "/healthz/live";
    public const string Ready = "/healthz/ready";

    /// <summary>Every route <see cref="ServiceDefaultsExtensions.MapDefaultEndpoints"/> maps, as every service maps it.</summary>
    public static IReadOnlySet<string> Mapped { get; } = Read();

    private static HashSet<string> Read()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Runwire:Auth:Mode"] = "none";
        builder.Logging.ClearProviders();
        builder.AddServiceDefaults(serviceName: "deployment-tests");
        var app = builder.Build();
        app.MapDefaultEndpoints();
        return [.. ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))];
    }
}
