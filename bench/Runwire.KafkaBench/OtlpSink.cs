using Runwire.Host.Tests.Support;

namespace Runwire.KafkaBench;

/// <summary>
/// A local OTLP/HTTP trace endpoint (<c>POST /v1/traces</c>, protobuf) that accepts every export, counts its spans and
/// lets the body go. Bodies are read into pooled buffers and counting walks three levels of field headers and skips
/// everything else, so the collector takes little of the CPU the host shares with it and holds no memory however
/// long a run is; the count shows whether the exporter delivered every span.
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
        sink._http = await HttpCollector.StartPooledAsync("/v1/traces", sink.Receive);
        return sink;
    }

    public void Reset()
    {
        Interlocked.Exchange(ref _spans, 0);
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _bytes, 0);
    }

    public ValueTask DisposeAsync() => _http!.DisposeAsync();

    private void Receive(ReadOnlySpan<byte> body)
    {
        Interlocked.Add(ref _spans, Count(body, [1, 2, 2]));
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _bytes, body.Length);
    }

    /// <summary>
    /// The number of fields at the end of <paramref name="path"/> in an ExportTraceServiceRequest: resource_spans (1) →
    /// scope_spans (2) → spans (2), all length-delimited (opentelemetry-proto trace.proto). Protobuf's wire format:
    /// each field is a varint key (field number &lt;&lt; 3 | wire type) and a value whose size the wire type gives.
    /// </summary>
    private static long Count(ReadOnlySpan<byte> message, ReadOnlySpan<int> path)
    {
        long count = 0;
        while (!message.IsEmpty)
        {
            var key = Varint(ref message);
            var type = key & 7;
            if (type == 0)
            {
                Varint(ref message);
                continue;
            }
            var size = type switch
            {
                1 => 8,
                2 => (int)Varint(ref message),
                5 => 4,
                _ => throw new InvalidDataException($"Unexpected protobuf wire type {type}."),
            };
            if (type == 2 && (int)(key >> 3) == path[0])
            {
                count += path.Length == 1 ? 1 : Count(message[..size], path[1..]);
            }
            message = message[size..];
        }
        return count;
    }

    private static ulong Varint(ref ReadOnlySpan<byte> message)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = message[0];
            message = message[1..];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
