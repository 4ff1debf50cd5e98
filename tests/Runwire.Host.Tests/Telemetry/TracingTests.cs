using System.Diagnostics;
using System.Net;
using System.Text;
using Confluent.Kafka;
using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.Telemetry;

/// <summary>
/// One job is one trace: a Kafka job whose record carries a <c>traceparent</c> produces spans under that parent for
/// every stage, and its result record carries the trace on. Spans are collected with OpenTelemetry's in-memory exporter.
/// </summary>
public sealed class TracingTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new();
    private readonly TestBroker _broker = new();

    [Fact]
    public async Task KafkaJobWithTraceparent_OneTraceRootedAtTheParent_ResultCarriesTheTrace()
    {
        await using var host = await InProcessHost.StartAsync(_dir.Path, _broker.Bootstrap);
        using var results = new TopicReader(_broker.Bootstrap);
        using var producer = new JobProducer(_broker.Bootstrap);
        var traceId = ActivityTraceId.CreateRandom();
        var parentSpan = ActivitySpanId.CreateRandom();
        
        await producer.SendAsync("rul-traced", TestJobs.RulLegacy(), Traced(traceId, parentSpan));

        var answer = Assert.Single(await results.WaitCountAsync(1, Wait));
        Assert.Equal("ok", answer.Result);
        var trace = await host.Spans.WaitAsync(traceId, t => t.Any(s => s.DisplayName == "process designer_initialize_job"), Wait);

        // The root of everything the job caused is the producer's span.
        var root = Assert.Single(trace, s => s.DisplayName == "process designer_initialize_job");
        Assert.Equal(parentSpan, root.ParentSpanId);
        Assert.Equal(ActivityKind.Consumer, root.Kind);
        Assert.Equal("rul-traced", root.GetTagItem("messaging.kafka.message.key"));
        Assert.Equal(answer.JobId, root.GetTagItem("runwire.job.id"));
        Assert.Equal(ActivityStatusCode.Unset, root.Status);
        // Every other span of the trace hangs below the root.
        var byId = trace.ToDictionary(s => s.SpanId);
        foreach (var span in trace.Where(s => s != root))
        {
            Assert.True(DescendsFrom(span, root, byId), $"{span.DisplayName} is not below the job's span");
        }
        Assert.Contains(trace, s => s.DisplayName == "decode");
        Assert.Contains(trace, s => s.DisplayName == "validate" && (string?)s.GetTagItem("runwire.transformation.id") == TestJobs.RulWorkflow);
        var load = Assert.Single(trace, s => s.DisplayName == "load direct_provisioning");
        Assert.Equal(["inp_series", "limit", "num_days_forecast"], ((string[])load.GetTagItem("runwire.adapter.inputs")!).Order());
        var components = trace.Where(s => s.DisplayName.StartsWith("component ", StringComparison.Ordinal)).ToList();
        Assert.Contains(components, s => s.DisplayName == "component Univariate Linear RUL Regression");
        Assert.All(components, c =>
        {
            Assert.True(Guid.TryParse((string?)c.GetTagItem("runwire.component.id"), out _));
            Assert.False(string.IsNullOrEmpty((string?)c.GetTagItem("runwire.component.name")));
        });
        var publish = Assert.Single(trace, s => s.DisplayName == "publish designer_job_result");
        Assert.Equal(ActivityKind.Producer, publish.Kind);
        // No span carries a data value of the job: no value of the inline series appears in any tag.
        var tags = trace.SelectMany(s => s.TagObjects).Select(t => t.Value is string[] many ? string.Join(",", many) : t.Value?.ToString() ?? "");
        Assert.DoesNotContain(tags, t => t.Contains("2.534", StringComparison.Ordinal) || t.Contains("2020-05-01T", StringComparison.Ordinal));

        // The result record continues the trace from the publish span.
        var parsed = ActivityContext.Parse(answer.Headers["traceparent"], null);
        Assert.Equal(traceId, parsed.TraceId);
        Assert.Equal(publish.SpanId, parsed.SpanId);
    }

    [Fact]
    public async Task FailingComponent_TheFailingSpanCarriesTheErrorType()
    {
        await using var host = await InProcessHost.StartAsync(_dir.Path, _broker.Bootstrap);
        using var results = new TopicReader(_broker.Bootstrap);
        using var producer = new JobProducer(_broker.Bootstrap);
        var traceId = ActivityTraceId.CreateRandom();

        await producer.SendAsync("divide", TestJobs.DivideByZero(), Traced(traceId, ActivitySpanId.CreateRandom()));

        var answer = Assert.Single(await results.WaitCountAsync(1, Wait));
        Assert.Equal("failure", answer.Result);
        var trace = await host.Spans.WaitAsync(traceId, t => t.Any(s => s.Kind == ActivityKind.Consumer), Wait);
        var failed = trace.Where(s => s.Status == ActivityStatusCode.Error).ToList();
        var component = Assert.Single(failed, s => s.DisplayName.StartsWith("component ", StringComparison.Ordinal));
        Assert.Equal("component Divide", component.DisplayName);
        Assert.Equal("ZeroDivisionError", component.GetTagItem("error.type"));
        Assert.Equal("EXECUTING_COMPONENT_CODE", component.GetTagItem("runwire.process_stage"));
        var root = Assert.Single(failed, s => s.Kind == ActivityKind.Consumer);
        Assert.Equal("ZeroDivisionError", root.GetTagItem("error.type"));
        // Stages before the failure are fine, and nothing else is marked.
        Assert.All(trace.Where(s => s.DisplayName is "decode" or "validate" or "load direct_provisioning"),
            s => Assert.Equal(ActivityStatusCode.Unset, s.Status));
        Assert.Equal(2, failed.Count);
    }

    [Fact]
    public async Task UndecodableRecord_DecodeSpanFailsAndTheDeadLetterIsPublishedInTheTrace()
    {
        await using var host = await InProcessHost.StartAsync(_dir.Path, _broker.Bootstrap);
        using var results = new TopicReader(_broker.Bootstrap);
        using var producer = new JobProducer(_broker.Bootstrap);
        var traceId = ActivityTraceId.CreateRandom();

        await producer.SendAsync("bad", "not json", Traced(traceId, ActivitySpanId.CreateRandom()));

        Assert.Equal("failure", Assert.Single(await results.WaitCountAsync(1, Wait)).Result);
        var trace = await host.Spans.WaitAsync(traceId, t => t.Any(s => s.Kind == ActivityKind.Consumer), Wait);
        var decode = Assert.Single(trace, s => s.DisplayName == "decode");
        Assert.Equal(ActivityStatusCode.Error, decode.Status);
        Assert.Equal("JobDecodeError", decode.GetTagItem("error.type"));
        Assert.Contains(trace, s => s.DisplayName == "publish designer_initialize_job_dead_letter");
        Assert.Contains(trace, s => s.DisplayName == "publish designer_job_result");
        Assert.DoesNotContain(trace, s => s.DisplayName == "validate");
    }

    [Fact]
    public async Task KafkaJobWithoutTraceparent_StartsItsOwnTrace_ResultCarriesIt()
    {
        await using var host = await InProcessHost.StartAsync(_dir.Path, _broker.Bootstrap);
        using var results = new TopicReader(_broker.Bootstrap);
        using var producer = new JobProducer(_broker.Bootstrap);

        await producer.SendAsync("untraced", TestJobs.ById(7));

        var answer = Assert.Single(await results.WaitCountAsync(1, Wait));
        var context = ActivityContext.Parse(answer.Headers["traceparent"], null);
        var trace = await host.Spans.WaitAsync(context.TraceId, t => t.Any(s => s.Kind == ActivityKind.Consumer), Wait);
        var root = Assert.Single(trace, s => s.Kind == ActivityKind.Consumer);
        Assert.Equal(default, root.ParentSpanId);
        Assert.Contains(trace, s => s.DisplayName == "component Pass Through (Integer)");
    }

    [Fact]
    public async Task HttpJob_RunsLaterInThePostsTrace()
    {
        await using var host = await InProcessHost.StartAsync(_dir.Path);
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/jobs") { Content = new StringContent(TestJobs.DivideByZero()) };
        // The caller's span: its HttpClient sends the traceparent.
        using (new Activity("caller").SetParentId(traceId, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded).Start())
        {
            using var posted = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        // The job may finish before the POST's own span ends (after its response is written): wait for both.
        var trace = await host.Spans.WaitAsync(traceId, t => t.Any(s => s.DisplayName == "job") && t.Any(s => s.Kind == ActivityKind.Server), Wait);
        var post = Assert.Single(trace, s => s.Kind == ActivityKind.Server);
        var job = Assert.Single(trace, s => s.DisplayName == "job");
        Assert.Equal(post.SpanId, job.ParentSpanId);
        Assert.Equal("ZeroDivisionError", job.GetTagItem("error.type"));
        Assert.Contains(trace, s => s.DisplayName == "component Divide" && s.ParentSpanId == job.SpanId);
    }

    public void Dispose()
    {
        _broker.Dispose();
        _dir.Dispose();
    }

    private static Headers Traced(ActivityTraceId traceId, ActivitySpanId spanId) =>
        new() { { "traceparent", Encoding.ASCII.GetBytes($"00-{traceId}-{spanId}-01") } };

    private static bool DescendsFrom(Activity span, Activity root, Dictionary<ActivitySpanId, Activity> byId)
    {
        var current = span;
        while (current.ParentSpanId != default && byId.TryGetValue(current.ParentSpanId, out var parent))
        {
            if (parent == root)
            {
                return true;
            }
            current = parent;
        }
        return false;
    }
}
