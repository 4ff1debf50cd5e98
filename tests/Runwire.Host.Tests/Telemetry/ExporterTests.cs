using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.Telemetry;

/// <summary>
/// The exporters a user picks by configuration really deliver the job's spans: <c>runwire serve</c> as a process,
/// sending to a collector endpoint (OTLP over HTTP) or a Zipkin endpoint served by the test.
/// </summary>
public sealed class ExporterTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new();
    private readonly TestBroker _broker = new();

    [Fact]
    public async Task Otlp_TheJobsTraceReachesTheCollector()
    {
        await using var collector = await Collector.StartAsync("/v1/traces");
        var environment = new Dictionary<string, string>
        {
            ["Telemetry__Traces__Exporters"] = "otlp",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        };
        using var serve = await ServeProcess.StartAsync(_dir.Path, _broker.Bootstrap, "runwire-tests", environment);
        var traceId = await SendTracedJobAsync();

        // OTLP/protobuf carries the trace id as its 16 raw bytes, and span names as plain UTF-8. A job's spans may be
        // spread over several exports, so every export that carries the trace counts.
        var traced = new List<byte[]>();
        bool Has(string text) => traced.Any(b => Contains(b, Encoding.UTF8.GetBytes(text)));
        await collector.WaitAsync(b =>
        {
            if (Contains(b, Convert.FromHexString(traceId.ToHexString())))
            {
                traced.Add(b);
            }
            return Has("publish designer_job_result") && Has("component Pass Through (Integer)") && Has("process designer_initialize_job");
        }, Wait);
        Assert.True(traced.Count > 0, "No OTLP export carried the job's trace");
        Assert.True(Has("process designer_initialize_job"), "the job's span was not exported");
        Assert.True(Has("component Pass Through (Integer)"), "the component's span was not exported");
        Assert.True(Has("publish designer_job_result"), "the publish span was not exported");
        Assert.True(traced.All(b => Contains(b, Encoding.UTF8.GetBytes("runwire"))), "service name missing");
    }

    [Fact]
    public async Task Zipkin_TheJobsSpansArriveAsZipkinJson()
    {
        await using var zipkin = await Collector.StartAsync("/api/v2/spans");
        var environment = new Dictionary<string, string>
        {
            ["Telemetry__Traces__Exporters"] = "zipkin",
            ["Telemetry__Zipkin__Endpoint"] = zipkin.Address + "/api/v2/spans",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        };
        using var serve = await ServeProcess.StartAsync(_dir.Path, _broker.Bootstrap, "runwire-tests", environment);
        var traceId = await SendTracedJobAsync();

        var spans = new List<JsonObject>();
        await zipkin.WaitAsync(body =>
        {
            spans.AddRange(JsonNode.Parse(body)!.AsArray().Select(s => s!.AsObject()).Where(s => s["traceId"]!.GetValue<string>() == traceId.ToString()));
            return spans.Any(s => s["name"]!.GetValue<string>() == "process designer_initialize_job");
        }, Wait);
        Assert.Contains(spans, s => s["name"]!.GetValue<string>() == "process designer_initialize_job"
            && s["localEndpoint"]!["serviceName"]!.GetValue<string>() == "runwire" && s["kind"]!.GetValue<string>() == "CONSUMER");
        Assert.Contains(spans, s => s["name"]!.GetValue<string>() == "component pass through (integer)"
            || s["name"]!.GetValue<string>() == "component Pass Through (Integer)");
    }

    [Fact]
    public async Task UnknownExporter_TheHostRefusesToStartAndSaysWhich()
    {
        var environment = new Dictionary<string, string> { ["Telemetry__Traces__Exporters"] = "jaeger" };

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(
            () => ServeProcess.StartAsync(_dir.Path, null, "runwire-tests", environment));

        Assert.Contains("Telemetry:Traces:Exporters names the unknown exporter 'jaeger'; choose from otlp, zipkin, console or none.",
            refused.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _broker.Dispose();
        _dir.Dispose();
    }

    private async Task<ActivityTraceId> SendTracedJobAsync()
    {
        using var results = new TopicReader(_broker.Bootstrap);
        using var producer = new JobProducer(_broker.Bootstrap);
        var traceId = ActivityTraceId.CreateRandom();
        await producer.SendAsync("exported", TestJobs.ById(9),
            new Headers { { "traceparent", Encoding.ASCII.GetBytes($"00-{traceId}-{ActivitySpanId.CreateRandom()}-01") } });
        Assert.Equal("ok", Assert.Single(await results.WaitCountAsync(1, Wait)).Result);
        return traceId;
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    /// <summary>An exporter's endpoint that keeps the bodies it is sent.</summary>
    private sealed class Collector : IAsyncDisposable
    {
        private readonly ConcurrentQueue<byte[]> _bodies = new();
        private HttpCollector? _http;

        public string Address => _http!.Address;

        public static async Task<Collector> StartAsync(string path)
        {
            var collector = new Collector();
            collector._http = await HttpCollector.StartAsync(path, collector._bodies.Enqueue);
            return collector;
        }

        /// <summary>Looks at every body received until one satisfies <paramref name="match"/>; null on timeout.</summary>
        public async Task<byte[]?> WaitAsync(Func<byte[], bool> match, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline)
            {
                while (_bodies.TryDequeue(out var body))
                {
                    if (match(body))
                    {
                        return body;
                    }
                }
                await Task.Delay(50);
            }
            return null;
        }

        public ValueTask DisposeAsync() => _http!.DisposeAsync();
    }
}
