using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Runwire.Core.Security;
using Runwire.Core.Telemetry;
using Runwire.ServiceDefaults.Auth;
using Runwire.ServiceDefaults.Health;

namespace Runwire.ServiceDefaults;

/// <summary>Cross-cutting setup every Runwire service shares: telemetry, health checks, authentication, the health and metrics endpoints.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>The service name is passed explicitly: the k8s Dapr injector sets no APP_ID in the app container.</summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = TelemetryOptions.From(builder.Configuration);
        builder.Services.AddSingleton(options);
        builder.Services.AddHealthChecks();
        // Throws AuthConfigurationException when no credential is configured: a host never starts with an open door by accident.
        builder.AddRunwireAuth();
        // Every log line inside a job carries the trace and span id of the span it was written in.
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceInstanceId: $"{Environment.MachineName}-{Environment.ProcessId}"));
        if (options.Tracing)
        {
            telemetry.WithTracing(t => ConfigureTracing(t, serviceName, options, builder.Configuration));
        }
        if (options.MetricExporters.Count > 0)
        {
            telemetry.WithMetrics(m => ConfigureMetrics(m, options));
        }
        if (options.LogExporters.Contains(TelemetryOptions.Otlp))
        {
            telemetry.WithLogging(l => l.AddOtlpExporter(), o => o.IncludeScopes = true);
        }
        return builder;
    }

    /// <summary>
    /// Maps the health endpoints (always open: Dapr's app health check and the k8s probes call them without credentials)
    /// and, when on, the Prometheus endpoint (open unless <c>Runwire:Auth:ProtectMetrics</c> asks for the read role).
    /// <c>/healthz/live</c>: the process serves HTTP (the liveness probe: failing it restarts the container).
    /// <c>/healthz/ready</c>: every check, the sidecar, stores and engines included (the readiness and startup probes,
    /// Dapr's app health check). <c>/healthz</c>: what it answered before the split, every check but the readiness ones.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/healthz", HealthJson.Options(app.Configuration, c => !c.Tags.Contains(HealthTags.Ready))).AllowAnonymous();
        app.MapHealthChecks("/healthz/live", HealthJson.Options(app.Configuration, c => c.Tags.Contains(HealthTags.Live))).AllowAnonymous();
        app.MapHealthChecks("/healthz/ready", HealthJson.Options(app.Configuration, _ => true)).AllowAnonymous();
        var options = app.Services.GetRequiredService<TelemetryOptions>();
        if (options.MetricExporters.Contains(TelemetryOptions.Prometheus))
        {
            var metrics = app.MapPrometheusScrapingEndpoint(options.PrometheusPath);
            _ = app.Services.GetRequiredService<AuthSettings>().ProtectMetrics
                ? metrics.RequireAuthorization(AccessRoles.Read)
                : metrics.AllowAnonymous();
        }
        return app;
    }

    private static void ConfigureTracing(TracerProviderBuilder tracing, string serviceName, TelemetryOptions options, IConfiguration configuration)
    {
        tracing
            .SetSampler(new ParentBasedSampler(options.SamplingRatio >= 1 ? new AlwaysOnSampler() : new TraceIdRatioBasedSampler(options.SamplingRatio)))
            .AddSource(RunwireTelemetry.Name)
            .AddSource(serviceName)
            // Dapr.Workflow's activity spans carry the job's trace into each workflow step (dapr-notes §6.1).
            .AddSource("Dapr.Workflow")
            .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsScrape(context.Request.Path, options))
            .AddHttpClientInstrumentation()
            // Calls to daprd go over gRPC; one span per call rather than one for gRPC and one for its HTTP/2 request.
            .AddGrpcClientInstrumentation(o => o.SuppressDownstreamInstrumentation = true);
        foreach (var exporter in options.TraceExporters)
        {
            _ = exporter switch
            {
                TelemetryOptions.Otlp => tracing.AddOtlpExporter(o => Batching(o.BatchExportProcessorOptions, configuration)),
                TelemetryOptions.Zipkin => AddZipkin(tracing, options.ZipkinEndpoint, configuration),
                _ => tracing.AddConsoleExporter(),
            };
        }
    }

    // OpenTelemetry deprecated its Zipkin exporter in favour of OTLP, but Zipkin itself (and `dapr init`'s Zipkin)
    // takes only its own format; 1.20.1 is the current release, so users with a plain Zipkin keep a direct path.
#pragma warning disable CS0618
    private static TracerProviderBuilder AddZipkin(TracerProviderBuilder tracing, Uri endpoint, IConfiguration configuration) =>
        tracing.AddZipkinExporter(z =>
        {
            z.Endpoint = endpoint;
            Batching(z.BatchExportProcessorOptions, configuration);
        });
#pragma warning restore CS0618

    /// <summary>
    /// The SDK's default queue (2,048 spans) overflows, dropping spans, while an export is under way at thousands of
    /// jobs a second with about nine spans each: queue 16,384 unless OTEL_BSP_MAX_QUEUE_SIZE says otherwise. Exports
    /// stay at 512 spans, so a span is handed on within milliseconds instead of aging into an older GC generation.
    /// </summary>
    private static void Batching(BatchExportProcessorOptions<Activity> batch, IConfiguration configuration)
    {
        if (string.IsNullOrEmpty(configuration["OTEL_BSP_MAX_QUEUE_SIZE"]))
        {
            batch.MaxQueueSize = 16_384;
        }
    }

    private static void ConfigureMetrics(MeterProviderBuilder metrics, TelemetryOptions options)
    {
        metrics
            .AddMeter(RunwireTelemetry.Name)
            // ASP.NET Core, Kestrel, HttpClient and the runtime publish their own meters in .NET 8 and later.
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "System.Runtime");
        foreach (var exporter in options.MetricExporters)
        {
            _ = exporter switch
            {
                TelemetryOptions.Prometheus => metrics.AddPrometheusExporter(),
                TelemetryOptions.Otlp => metrics.AddOtlpExporter(),
                _ => metrics.AddConsoleExporter(),
            };
        }
    }

    private static bool IsScrape(Microsoft.AspNetCore.Http.PathString path, TelemetryOptions options) =>
        path.StartsWithSegments(options.PrometheusPath) || path.StartsWithSegments("/healthz");
}
