using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Runwire.Ingest.Tests.Support;

namespace Runwire.Ingest.Tests.Telemetry;

/// <summary>Every line ingest writes for a job names the job, its Kafka key and its trace, so one query finds all of them.</summary>
[Collection(nameof(TelemetryCollection))]
public sealed class JobLogScopeTests
{
    [Fact]
    public async Task KafkaJob_LinesWrittenInsideActivities_CarryJobIdKafkaKeyAndTheJobsTraceId()
    {
        var logs = new LogCapture();
        await using var fx = new WorkflowFixture();
        await fx.StartAsync(traceActivities: false, configure: Capture(logs));
        var (traceparent, traceId, _) = Traces.New();
        var jobId = Guid.NewGuid().ToString("D");

        await fx.DeliverAsync(Deliveries.Record(Traces.AdapterJob(fx, jobId), "logged-1", traceparent: traceparent));
        await fx.PublishedResultAsync(jobId);

        // The HTTP client factory logs each call the activities make to the executor and the adapters.
        var calls = logs.Lines.Where(l => l.Category.StartsWith("System.Net.Http.HttpClient.", StringComparison.Ordinal)).ToList();
        Assert.Contains(calls, l => l.Category.Contains(".ExecutorClient.", StringComparison.Ordinal));
        Assert.Contains(calls, l => l.Category.Contains(".AdaptersClient.", StringComparison.Ordinal));
        Assert.All(calls, l =>
        {
            Assert.Equal(jobId, l.Scope.GetValueOrDefault("JobId"));
            Assert.Equal("logged-1", l.Scope.GetValueOrDefault("KafkaKey"));
            Assert.Equal(traceId, l.Scope.GetValueOrDefault("TraceId"));
        });
    }

    [Fact]
    public async Task UndecodableRecord_WarningCarriesTheJobIdOfItsFailureResultAndTheKafkaKey()
    {
        var logs = new LogCapture();
        await using var fx = new WorkflowFixture();
        await fx.StartAsync(configure: Capture(logs));

        Assert.Equal("DROP", await fx.DeliverAsync(Deliveries.Record("{"u8.ToArray(), "logged-bad", partition: 0, offset: 7)));
        await fx.WaitAsync(Runwire.Core.Contracts.RecordJobId.From("designer_initialize_job", 0, 7).ToString("D"));

        var warning = Assert.Single(logs.Lines, l => l.Message.Contains("cannot be decoded", StringComparison.Ordinal));
        var published = Assert.Single(fx.Dapr.Publishes);
        Assert.Equal(System.Text.Json.Nodes.JsonNode.Parse(published.Data)!["job_id"]!.GetValue<string>(), warning.Scope.GetValueOrDefault("JobId"));
        Assert.Equal("logged-bad", warning.Scope.GetValueOrDefault("KafkaKey"));
        Assert.Equal(Traces.TraceIdOf(Deliveries.Traceparent), warning.Scope.GetValueOrDefault("TraceId"));
    }

    private static Action<IWebHostBuilder> Capture(LogCapture logs) => builder =>
    {
        builder.UseSetting("Logging:LogLevel:System.Net.Http.HttpClient", "Information");
        builder.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs));
    };
}
