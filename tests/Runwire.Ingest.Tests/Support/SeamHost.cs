using Dapr.Client;
using Dapr.Workflow;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moq;

namespace Runwire.Ingest.Tests.Support;

/// <summary>Ingest without its workflow worker: the workflow client is a mock, so tests see exactly what ingest schedules.</summary>
public sealed class SeamHost : WebApplicationFactory<Program>
{
    public Mock<IDaprWorkflowClient> Workflows { get; } = new();

    public FakeDapr Dapr { get; } = new();

    /// <summary>More configuration for the app, applied last (the auth tests turn authentication on).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Runwire:Auth:Mode", "none");
        // No daprd here (its gRPC side is a mock or the durable task sidecar): the sidecar gate and readiness stay off; Health/ covers them.
        builder.UseSetting("Health:DaprSidecar", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            // Otherwise the worker keeps dialling a sidecar that is not there.
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "WorkflowWorker"));
            services.AddSingleton(Workflows.Object);
            services.AddSingleton<DaprClient>(Dapr.Client.Object);
        });
    }
}
