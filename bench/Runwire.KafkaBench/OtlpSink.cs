using System.Net;
using System.Net.Sockets;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Runwire.KafkaBench;

/// <summary>
/// A local OTLP/HTTP trace endpoint (<c>POST /v1/traces</c>, protobuf) that accepts every export and counts the
/// spans in it, so the benchmark knows the exporter delivered everything (dropped spans would flatter the cost).
/// </summary>
internal sealed class OtlpSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _spans;
    private long _requests;
    private long _bytes;

    private OtlpSink(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    public string Address { get; }

    public long Spans => Interlocked.Read(ref _spans);

    public long Requests => Interlocked.Read(ref _requests);

    public long Bytes => Interlocked.Read(ref _bytes);

    public static async Task<OtlpSink> StartAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        listener.Stop();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(address);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var sink = new OtlpSink(app, address);
        app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            Interlocked.Add(ref sink._spans, CountSpans(buffer.ToArray()));
            Interlocked.Increment(ref sink._requests);
            Interlocked.Add(ref sink._bytes, buffer.Length);
            // An empty ExportTraceServiceResponse: everything accepted.
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        return sink;
    }

    public void Reset()
    {
        Interlocked.Exchange(ref _spans, 0);
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _bytes, 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>
    /// Counts spans in an ExportTraceServiceRequest: field 1 (resource_spans) → field 2 (scope_spans) → field 2 (spans),
    /// all length-delimited (opentelemetry-proto trace.proto); other fields are skipped.
    /// </summary>
    private static long CountSpans(byte[] request)
    {
        long spans = 0;
        foreach (var resourceSpans in Children(request, 1))
        {
            foreach (var scopeSpans in Children(resourceSpans, 2))
            {
                spans += Children(scopeSpans, 2).Count;
            }
        }
        return spans;
    }

    private static List<byte[]> Children(byte[] message, int field)
    {
        var input = new CodedInputStream(message);
        var found = new List<byte[]>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == field && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                found.Add(input.ReadBytes().ToByteArray());
            }
            else
            {
                input.SkipLastField();
            }
        }
        return found;
    }
}
