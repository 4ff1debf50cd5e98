using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Runwire.Host.Tests.Support;

/// <summary>
/// A minimal collector on a free loopback port: accepts every POST to one path (an OTLP/HTTP or Zipkin endpoint)
/// with an empty 200 and hands each body to <c>received</c>.
/// </summary>
internal sealed class HttpCollector : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HttpCollector(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Address { get; }

    public static async Task<HttpCollector> StartAsync(string path, Action<byte[]> received)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        listener.Stop();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(address);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.MapPost(path, async (HttpRequest request) =>
        {
            // Exporters send Content-Length: read straight into one array of that size.
            if (request.ContentLength is { } length)
            {
                var body = new byte[length];
                await request.Body.ReadExactlyAsync(body).ConfigureAwait(false);
                received(body);
            }
            else
            {
                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer).ConfigureAwait(false);
                received(buffer.ToArray());
            }
            return Results.Ok();
        });
        await app.StartAsync().ConfigureAwait(false);
        return new HttpCollector(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
