using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Runwire.Host.Serve;
using Runwire.Testing;

namespace Runwire.Host.Tests.Support;

/// <summary>
/// <c>runwire serve</c> built and run inside the test process, exactly as the command builds it, with tracing on and
/// OpenTelemetry's in-memory exporter collecting every finished span.
/// </summary>
internal sealed class InProcessHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessHost(WebApplication app, Uri address, SpanCollection spans)
    {
        _app = app;
        Spans = spans;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Every span the host finished, in the order they ended.</summary>
    public SpanCollection Spans { get; }

    public static async Task<InProcessHost> StartAsync(string dataDirectory, string? bootstrap = null, params string[] extraArgs)
    {

        List<string> args =
        [
            // The documented local-development switch; extraArgs can turn authentication back on (the auth tests do).
            "--Runwire:Auth:Mode=none",
            "--Telemetry:Traces:Enabled=true", "--Logging:LogLevel:Default=Warning",
            "--Kafka:GroupId=runwire-telemetry-tests", "--Kafka:SessionTimeoutMs=3000", "--Kafka:HeartbeatIntervalMs=500",
            .. extraArgs,
        ];
        var spans = new SpanCollection();
        // Port 0: Kestrel picks a free port, read back once it listens.
        var app = ServeHost.Build(new ServeSettings("http://127.0.0.1:0", bootstrap, [], dataDirectory), args,
            builder => builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans)));
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new InProcessHost(app, new Uri(address), spans);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
