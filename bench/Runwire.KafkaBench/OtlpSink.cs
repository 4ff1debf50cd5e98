using Google.Protobuf;
using Runwire.Host.Tests.Support;

namespace Runwire.KafkaBench;

/// <summary>
/// A local OTLP/HTTP trace endpoint (<c>POST /v1/traces</c>, protobuf) that accepts every export and counts the
/// spans in it, so the benchmark knows the exporter delivered everything (dropped spans would flatter the cost).
/// </summary>
internal sealed class OtlpSink : IAsyncDisposable
{
    private HttpCollector? _http;
    private long _spans;
    private long _requests;
    private long _bytes;

    public string Address => _http!.Address;

    public long Spans => Interlocked.Read(ref _spans);

    public long Requests => Interlocked.Read(ref _requests);

    public long Bytes => Interlocked.Read(ref _bytes);

    public static async Task<OtlpSink> StartAsync()
    {
        var sink = new OtlpSink();
        sink._http = await HttpCollector.StartAsync("/v1/traces", body =>
        {
            Interlocked.Add(ref sink._spans, CountSpans(body));
            Interlocked.Increment(ref sink._requests);
            Interlocked.Add(ref sink._bytes, body.Length);
        });
        return sink;
    }

    public void Reset()
    {
        Interlocked.Exchange(ref _spans, 0);
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _bytes, 0);
    }

    public ValueTask DisposeAsync() => _http!.DisposeAsync();
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
