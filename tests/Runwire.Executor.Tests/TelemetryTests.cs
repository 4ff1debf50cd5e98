using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using OpenTelemetry.Trace;
using Runwire.Core.Contracts;
using Runwire.Core.Contracts.Steps;

namespace Runwire.Executor.Tests;

/// <summary>
/// The executor as deployed (AddServiceDefaults): a step call from ingest is a server span in ingest's trace with the
/// engine's spans below it, and /metrics is scraped. Spans are picked by a trace id only this test uses, because the
/// listener also sees the other executor tests running in this process.
/// </summary>
public sealed class TelemetryTests
{
    private const string PassThroughInteger = "57eea09f-d28e-89af-4e81-2027697a3f0f";

    [Fact]
    public async Task StepCall_WithTraceparent_IsAServerSpanInTheCallersTraceAboveTheEngineSpans_AndMetricsAreScrapable()
    {
        var spans = new List<Activity>();
        await using var executor = new TracedExecutor(spans);
        using var client = executor.CreateClient();
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var spanId = ActivitySpanId.CreateRandom().ToHexString();
        var job = new ExecutionJob(Guid.Parse(PassThroughInteger), null, new WorkflowWiring([], []), false, Guid.NewGuid(), true, JobFormat.ExecById);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/internal/prepare") { Content = JsonContent.Create(job, options: StepJson.Options) };
        request.Headers.Add("traceparent", $"00-{traceId}-{spanId}-01");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        response.EnsureSuccessStatusCode();
        Activity[] trace;
        lock (spans)
        {
            trace = [.. spans.Where(s => s.TraceId.ToHexString() == traceId)];
        }
        var server = Assert.Single(trace, s => s.Kind == ActivityKind.Server);
        Assert.Equal(spanId, server.ParentSpanId.ToHexString());
        Assert.Equal("POST /internal/prepare", server.DisplayName);
        Assert.Contains(trace, s => s.Source.Name == "Runwire" && s.ParentSpanId == server.SpanId);
        Assert.Contains("http_server_request_duration_seconds", metrics, StringComparison.Ordinal);
    }

    private sealed class TracedExecutor(List<Activity> spans) : ExecutorFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Telemetry:Traces:Enabled", "true");
            // The exporter adds from whichever thread ends a span; the test reads under the same lock.
            builder.ConfigureTestServices(s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddProcessor(new LockedCollector(spans))));
        }
    }

    private sealed class LockedCollector(List<Activity> spans) : OpenTelemetry.BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data)
        {
            lock (spans)
            {
                spans.Add(data);
            }
        }
    }
}
