using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Runwire.ServiceDefaults;

/// <summary>Cross-cutting setup every Runwire service shares: tracing, health checks, the health endpoint.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>The service name is passed explicitly: the k8s Dapr injector sets no APP_ID in the app container.</summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Services.AddHealthChecks();
        var tracing = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(t => t
                .AddSource(serviceName)
                // Dapr.Workflow's activity spans carry the job's trace into each workflow step (dapr-notes §6.1).
                .AddSource("Dapr.Workflow")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        // Export only when a collector is configured: off by default costs nothing.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            tracing.UseOtlpExporter();
        }
        return builder;
    }

    /// <summary>Maps <c>/healthz</c> in every environment: Dapr's app health check and the k8s probes call it.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions());
        return app;
    }
}
