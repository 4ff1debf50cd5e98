using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;
using Runwire.Testing;

namespace Runwire.Ingest.Tests.Health;

/// <summary>
/// The real ingest app, Dapr's own clients included, started as a user would start it without <c>dapr run</c>: its
/// sidecar ports (HTTP and gRPC) are ports nothing listens on. Only the workflow worker is removed, so it does not
/// keep dialling.
/// </summary>
public sealed class NoSidecarHost : WebApplicationFactory<Program>
{
    public int HttpPort { get; } = UnusedPort.Next();

    public int GrpcPort { get; } = UnusedPort.Next();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Runwire:Auth:Mode", "none");
        builder.UseSetting("DAPR_HTTP_PORT", HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("DAPR_GRPC_PORT", GrpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(services =>
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "WorkflowWorker")));
    }
}
