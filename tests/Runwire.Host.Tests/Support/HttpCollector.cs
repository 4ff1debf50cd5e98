using System.Buffers;
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
    /// <summary>Sees one request body; the bytes are only valid during the call.</summary>
    public delegate void BodySeen(ReadOnlySpan<byte> body);

    private readonly Loopback _service;

    private HttpCollector(Loopback service) => _service = service;

    /// <summary>The base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Address => _service.Address.ToString().TrimEnd('/');

    /// <summary>Hands each body over as an array of its own, for callers that keep bodies.</summary>
    public static Task<HttpCollector> StartAsync(string path, Action<byte[]> received) =>
        StartPooledAsync(path, body => received(body.ToArray()));

    /// <summary>
    /// Reads each body into a pooled buffer and lets <paramref name="seen"/> look at it: a benchmark's collector then
    /// allocates nothing per export (an export of 512 spans is over 100 KB, which would land on the large object heap
    /// of the process that also times the jobs).
    /// </summary>
    public static async Task<HttpCollector> StartPooledAsync(string path, BodySeen seen) =>
        new(await Loopback.StartAsync(_ => { }, app => app.MapPost(path, async (HttpRequest request) =>
        {
            if (request.ContentLength is { } length)
            {
                // Exporters send Content-Length: read straight into a buffer of that size.
                var buffer = ArrayPool<byte>.Shared.Rent((int)length);
                try
                {
                    await request.Body.ReadExactlyAsync(buffer.AsMemory(0, (int)length)).ConfigureAwait(false);
                    seen(buffer.AsSpan(0, (int)length));
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
            else
            {
                using var copy = new MemoryStream();
                await request.Body.CopyToAsync(copy).ConfigureAwait(false);
                seen(copy.GetBuffer().AsSpan(0, (int)copy.Length));
            }
            return Results.Ok();
        })).ConfigureAwait(false));

    public ValueTask DisposeAsync() => _service.DisposeAsync();
}
