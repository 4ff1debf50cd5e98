using System.Collections.Concurrent;
using Google.Protobuf;
using Runwire.Host.Tests.Support;

namespace Runwire.KafkaBench;

/// <summary>
/// A local OTLP/HTTP trace endpoint (<c>POST /v1/traces</c>, protobuf) that accepts every export. It keeps the bodies
/// and counts their spans only when asked, after a run, so the collector's own work stays out of the measurement
/// (a real collector runs elsewhere); the count shows whether the exporter delivered everything.
/// </summary>
internal sealed class OtlpSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<byte[]> _bodies = new();
    private HttpCollector? _http;

    public string Address => _http!.Address;

    public long Spans => _bodies.Sum(CountSpans);

    public long Requests => _bodies.Count;

    public long Bytes => _bodies.Sum(b => (long)b.Length);

    public static async Task<OtlpSink> StartAsync()
    {
        var sink = new OtlpSink();
        sink._http = await HttpCollector.StartAsync("/v1/traces", sink._bodies.Enqueue);
        return sink;
    }

    public void Reset() => _bodies.Clear();

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
