extern alias adapters;

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using OpenTelemetry.Trace;
using Runwire.Testing;

namespace Runwire.Ingest.Tests.Telemetry;

/// <summary>The adapters service as deployed (AddServiceDefaults): its step endpoints join the caller's trace, /metrics is scraped.</summary>
[Collection(nameof(TelemetryCollection))]
public sealed class AdaptersServiceTelemetryTests
{
    [Fact]
    public async Task StepCall_WithTraceparent_IsAServerSpanInTheCallersTrace_AndMetricsAreScrapable()
    {
        var spans = new SpanCollection();
        await using var adaptersService = new TracedAdapters(spans);
        using var client = adaptersService.CreateClient();
        var (traceparent, traceId, spanId) = Traces.New();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/internal/load")
        {
            Content = JsonContent.Create(new { adapterId = "no-such-adapter", jobId = Guid.NewGuid(), transformationId = Guid.NewGuid(), inputs = Array.Empty<object>() }),
        };
        request.Headers.Add("traceparent", traceparent);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        // The server span ends after the response is on its way: wait for it rather than race it.
        var trace = await spans.WaitAsync(ActivityTraceId.CreateFromString(traceId), t => t.Any(s => s.Kind == ActivityKind.Server), TimeSpan.FromSeconds(10));
        var server = Assert.Single(trace, s => s.Kind == ActivityKind.Server);
        Assert.Equal(spanId, server.ParentSpanId.ToHexString());
        Assert.Equal("POST /internal/load", server.DisplayName);
        Assert.Contains("http_server_request_duration_seconds", metrics, StringComparison.Ordinal);
    }

    private sealed class TracedAdapters(SpanCollection spans) : WebApplicationFactory<adapters::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Telemetry:Traces:Enabled", "true");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Runwire:Auth:Mode", "none");
            builder.ConfigureTestServices(s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans)));
        }
    }
}
