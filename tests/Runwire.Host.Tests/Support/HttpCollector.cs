using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Runwire.Testing;

namespace Runwire.Host.Tests.Support;

/// <summary>
/// A minimal collector: a <see cref="Loopback"/> service that accepts every POST to one path (an OTLP/HTTP or Zipkin
/// endpoint) with an empty 200 and hands each body to <c>received</c>.
/// </summary>
internal sealed class HttpCollector : IAsyncDisposable
{
    private readonly Loopback _service;

    private HttpCollector(Loopback service) => _service = service;

    /// <summary>The base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Address => _service.Address.ToString().TrimEnd('/');

    public static async Task<HttpCollector> StartAsync(string path, Action<byte[]> received) =>
        new(await Loopback.StartAsync(_ => { }, app => app.MapPost(path, async (HttpRequest request) =>
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
        })).ConfigureAwait(false));

    public ValueTask DisposeAsync() => _service.DisposeAsync();
}
