using System.Diagnostics;
using Dapr.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using OpenTelemetry.Trace;
using Runwire.Ingest.Execution;

namespace Runwire.Ingest.Tests.Support;

/// <summary>
/// The real ingest app: its Dapr.Workflow worker and client talk to the in-memory durable task sidecar; its executor
/// and adapters clients call the loopback services directly, where daprd's service invocation would route them.
/// With <paramref name="spans"/>, tracing is on (as with an exporter configured) and every finished span lands there;
/// <paramref name="configure"/> adds a test's own settings last.
/// </summary>
public sealed class IngestHost(
    DurableTaskSidecar sidecar, Uri executor, Uri adapters, FakeDapr dapr, ICollection<Activity>? spans = null, Action<IWebHostBuilder>? configure = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("DAPR_GRPC_ENDPOINT", sidecar.Endpoint);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Runwire:Auth:Mode", "none");
        // No daprd here (its gRPC side is a mock or the durable task sidecar): the sidecar gate and readiness stay off; Health/ covers them.
        builder.UseSetting("Health:DaprSidecar", "false");
        if (spans is not null)
        {
            builder.UseSetting("Telemetry:Traces:Enabled", "true");
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<DaprClient>(dapr.Client.Object);
            Direct(services, nameof(ExecutorClient), executor);
            Direct(services, nameof(AdaptersClient), adapters);
            if (spans is not null)
            {
                services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans));
            }
        });
        configure?.Invoke(builder);
    }

    private static void Direct(IServiceCollection services, string client, Uri address) =>
        services.Configure<HttpClientFactoryOptions>(client, o =>
        {
            // Drop Dapr's InvocationHandler: there is no daprd to route http://<app-id>/ through.
            o.HttpMessageHandlerBuilderActions.Clear();
            o.HttpClientActions.Add(c => c.BaseAddress = address);
        });
}
