using System.Diagnostics;
using Runwire.Ingest.Tests.Support;
using Runwire.Testing;

namespace Runwire.Ingest.Tests.Telemetry;

/// <summary>
/// One job is one trace, from the Kafka record's <c>traceparent</c> (as daprd hands it to the subscription) to the
/// result record's, whether ingest exports spans or not. Each test has its own sidecar, services and ingest.
/// </summary>
[Collection(nameof(TelemetryCollection))]
public sealed class TraceContextTests
{
    [Fact]
    public async Task TracingOn_KafkaJob_ActivitiesCallsAndPublishAreOneTraceUnderTheRecordsSpan()
    {
        var spans = new SpanCollection();
        await using var fx = new WorkflowFixture();
        await fx.StartAsync(traceActivities: true, spans);
        var (traceparent, traceId, spanId) = Traces.New();
        var jobId = Guid.NewGuid().ToString("D");

        Assert.Equal("SUCCESS", await fx.DeliverAsync(Deliveries.Record(Traces.AdapterJob(fx, jobId), "traced-on", traceparent: traceparent)));
        var (result, call) = await fx.PublishedResultAsync(jobId);

        Jobs.AssertResult("ok", result);
        var trace = spans.OfTrace(traceId);
        var publish = Assert.Single(trace, s => s.DisplayName == "publish designer_job_result");
        Assert.Equal(ActivityKind.Producer, publish.Kind);
        Assert.Equal("kafka", publish.GetTagItem("messaging.system"));
        Assert.Equal("designer_job_result", publish.GetTagItem("messaging.destination.name"));
        Assert.Equal(jobId, publish.GetTagItem("runwire.job.id"));
        Assert.Equal(ActivityStatusCode.Unset, publish.Status);
        // The result record continues the trace at the publish span, so a consumer's spans hang below it.
        Assert.Equal(publish.Id, call.Metadata["traceparent"]);
        Assert.Equal("WorkflowActivity PublishResultActivity", Assert.Single(trace, s => s.SpanId == publish.ParentSpanId).DisplayName);
        var activities = trace.Where(s => s.Source.Name == "Dapr.Workflow").Select(s => s.DisplayName).ToHashSet();
        Assert.Superset(
            new HashSet<string> { "WorkflowActivity PrepareJobActivity", "WorkflowActivity LoadInputsActivity", "WorkflowActivity RunGraphActivity",
                "WorkflowActivity SendOutputsActivity", "WorkflowActivity PublishResultActivity" },
            activities);
        // One tree: every span's parent is in the trace, except the root's, which is the record's span.
        var ids = trace.Select(s => s.SpanId).ToHashSet();
        var roots = trace.Where(s => !ids.Contains(s.ParentSpanId)).ToList();
        Assert.NotEmpty(roots);
        Assert.All(roots, r => Assert.True(r.ParentSpanId.ToHexString() == spanId, $"{r.DisplayName} hangs below {r.ParentSpanId}"));
        Traces.AssertEveryCallCarries(fx, traceId);
    }

    [Fact]
    public async Task TracingOff_DaprdHandsActivitiesNoTrace_CallsAndResultStillCarryTheJobsTrace()
    {
        await using var fx = new WorkflowFixture();
        await fx.StartAsync(traceActivities: false);
        var (traceparent, traceId, _) = Traces.New();
        var jobId = Guid.NewGuid().ToString("D");

        Assert.Equal("SUCCESS", await fx.DeliverAsync(Deliveries.Record(Traces.AdapterJob(fx, jobId), "traced-off", traceparent: traceparent)));
        var (result, call) = await fx.PublishedResultAsync(jobId);

        Jobs.AssertResult("ok", result);
        // No span of ingest's own to point at: the result record carries the job's traceparent as it came.
        Assert.Equal(traceparent, call.Metadata["traceparent"]);
        Traces.AssertEveryCallCarries(fx, traceId);
    }

    [Fact]
    public async Task TracingOff_HttpJob_CallsCarryTheSubmittingRequestsTrace()
    {
        await using var fx = new WorkflowFixture();
        await fx.StartAsync(traceActivities: false);
        var (traceparent, traceId, _) = Traces.New();
        var jobId = Guid.NewGuid().ToString("D");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/jobs") { Content = new ByteArrayContent(Traces.AdapterJob(fx, jobId)) };
        request.Headers.Add("traceparent", traceparent);

        using var response = await fx.Ingest.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
        var state = await fx.WaitAsync(jobId);

        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(Dapr.Workflow.WorkflowRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.All(fx.Executor.Requests, r => Assert.Equal(traceId, r.TraceId));
        Assert.All(fx.Adapters.Requests, r => Assert.Equal(traceId, r.TraceId));
        Assert.Equal(4, fx.Executor.Requests.Count + fx.Adapters.Requests.Count);
    }

    [Fact]
    public async Task TracingOn_FailingComponent_PublishSpanAndComponentSpanCarryTheHetidaErrorType()
    {
        var spans = new SpanCollection();
        await using var fx = new WorkflowFixture();
        await fx.StartAsync(traceActivities: true, spans);
        var (traceparent, traceId, _) = Traces.New();
        var jobId = Guid.NewGuid().ToString("D");

        await fx.DeliverAsync(Deliveries.Record(Traces.FailingJob(jobId), "fails-traced", traceparent: traceparent));
        var (result, call) = await fx.PublishedResultAsync(jobId);

        Jobs.AssertResult("failure", result);
        Assert.Equal("TypeError", result["error"]!["type"]!.GetValue<string>());
        var trace = spans.OfTrace(traceId);
        var publish = Assert.Single(trace, s => s.DisplayName == "publish designer_job_result");
        Assert.Equal(ActivityStatusCode.Error, publish.Status);
        Assert.Equal("TypeError", publish.GetTagItem("error.type"));
        Assert.Equal("EXECUTING_COMPONENT_CODE", publish.GetTagItem("runwire.process_stage"));
        Assert.Equal(publish.Id, call.Metadata["traceparent"]);
        // The executor runs in this process, so the listener sees its engine spans too: the failing component is marked.
        var component = Assert.Single(trace, s => s.DisplayName.StartsWith("component ", StringComparison.Ordinal) && s.Status == ActivityStatusCode.Error);
        Assert.Equal("TypeError", component.GetTagItem("error.type"));
        Assert.Equal("EXECUTING_COMPONENT_CODE", component.GetTagItem("runwire.process_stage"));
    }
}
