using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.Telemetry;

/// <summary>
/// The Prometheus endpoint of <c>runwire serve</c>, scraped as Prometheus would while jobs succeed, fail, repeat and
/// are dead-lettered; and the structured log lines of a job.
/// </summary>
public sealed class MetricsTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new();
    private readonly TestBroker _broker = new();

    [Fact]
    public async Task KafkaJobs_CountersAndHistogramsFollowWhatHappened()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Path, _broker.Bootstrap);
        using var results = new TopicReader(_broker.Bootstrap);
        using var producer = new JobProducer(_broker.Bootstrap);
        var before = await PrometheusScrape.ReadAsync(serve.Http);
        Assert.Equal(0, before.Sum("runwire_jobs_received_total"));
        Assert.True(before.Has("runwire_queue_depth"), "queue depth gauge missing");
        Assert.Equal(512, before.Sum("runwire_queue_capacity"));
        var repeated = Guid.NewGuid();

        await producer.SendAsync("ok", TestJobs.ById(1));
        await producer.SendAsync("divide", TestJobs.DivideByZero());
        await producer.SendAsync("garbage", "{not json");
        await producer.SendAsync("repeated", TestJobs.ById(2, repeated));
        await results.WaitCountAsync(4, Wait);
        await producer.SendAsync("repeated", TestJobs.ById(2, repeated));

        var kafka = ("runwire_transport", "kafka");
        // The duplicate is counted while its worker still holds it: wait for the worker to let go too.
        var scrape = await WaitForAsync(serve, s => s.Sum("runwire_jobs_duplicates_total", kafka) == 1 && s.Sum("runwire_jobs_in_flight") == 0);
        Assert.Equal(5, scrape.Sum("runwire_jobs_received_total", kafka));
        Assert.Equal(2, scrape.Sum("runwire_jobs_succeeded_total", kafka));
        Assert.Equal(1, scrape.Sum("runwire_jobs_failed_total", kafka,
            ("runwire_process_stage", "EXECUTING_COMPONENT_CODE"), ("error_type", "ZeroDivisionError")));
        Assert.Equal(1, scrape.Sum("runwire_jobs_failed_total", kafka, ("runwire_process_stage", "PARSING_WORKFLOW"), ("error_type", "JobDecodeError")));
        Assert.Equal(2, scrape.Sum("runwire_jobs_failed_total", kafka));
        Assert.Equal(1, scrape.Sum("runwire_jobs_duplicates_total", kafka));
        Assert.Equal(1, scrape.Sum("runwire_jobs_dead_lettered_total", kafka));
        // One duration per answered job (the duplicate is not answered again), split by outcome.
        Assert.Equal(2, scrape.Sum("runwire_job_duration_seconds_count", kafka, ("runwire_outcome", "ok")));
        Assert.Equal(2, scrape.Sum("runwire_job_duration_seconds_count", kafka, ("runwire_outcome", "failure")));
        Assert.InRange(scrape.Sum("runwire_job_duration_seconds_sum", kafka), 1e-6, 60);
        Assert.Equal(2, scrape.Sum("runwire_job_duration_seconds_bucket", kafka, ("runwire_outcome", "ok"), ("le", "+Inf")));
        // hetida's measured steps: component code ran for the two successful jobs.
        Assert.Equal(2, scrape.Sum("runwire_step_duration_seconds_count", kafka, ("runwire_step", "EXECUTING_COMPONENT_CODE")));
        // Every executed job has internal_full (a decode failure may too, as hetida writes it).
        Assert.InRange(scrape.Sum("runwire_step_duration_seconds_count", kafka, ("runwire_step", "internal_full")), 3, 4);
        Assert.Equal(0, scrape.Sum("runwire_jobs_in_flight"));
        Assert.Equal(0, scrape.Sum("runwire_queue_depth"));
    }

    [Fact]
    public async Task HttpJobs_CountedAsHttp_RefusedAndRepeatedPostsToo()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Path);
        var job = Guid.NewGuid();

        Assert.Equal(HttpStatusCode.Accepted, await PostAsync(serve, TestJobs.ById(3, job)));
        Assert.Equal(HttpStatusCode.Accepted, await PostAsync(serve, TestJobs.ById(3, job)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, await PostAsync(serve, "[]"));
        Assert.Equal(HttpStatusCode.Accepted, await PostAsync(serve, TestJobs.DivideByZero()));
        using (var sync = await serve.Http.PostAsync(new Uri("/api/transformations/execute", UriKind.Relative),
            new StringContent(TestJobs.ById(4), Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, sync.StatusCode);
        }

        var http = ("runwire_transport", "http");
        var scrape = await WaitForAsync(serve, s => s.Sum("runwire_job_duration_seconds_count", http) == 4);
        Assert.Equal(4, scrape.Sum("runwire_jobs_received_total", http));
        Assert.Equal(2, scrape.Sum("runwire_jobs_succeeded_total", http));
        Assert.Equal(1, scrape.Sum("runwire_jobs_failed_total", http, ("error_type", "ZeroDivisionError")));
        Assert.Equal(1, scrape.Sum("runwire_jobs_failed_total", http, ("error_type", "JobDecodeError")));
        Assert.Equal(1, scrape.Sum("runwire_jobs_duplicates_total", http));
        Assert.Equal(0, scrape.Sum("runwire_jobs_received_total", ("runwire_transport", "kafka")));
        // ASP.NET Core's own request metrics come along.
        Assert.True(scrape.Has("http_server_request_duration_seconds_count"));
    }

    [Fact]
    public async Task JsonLogs_AJobsLinesCarryJobIdKafkaKeyAndTraceId()
    {
        var environment = new Dictionary<string, string>
        {
            ["Logging__Console__FormatterName"] = "json",
            ["Logging__Console__FormatterOptions__IncludeScopes"] = "true",
        };
        using var serve = await ServeProcess.StartAsync(_dir.Path, _broker.Bootstrap, "runwire-tests", environment);
        using var results = new TopicReader(_broker.Bootstrap);
        using var producer = new JobProducer(_broker.Bootstrap);
        var job = Guid.NewGuid();
        var traceId = ActivityTraceId.CreateRandom();

        await producer.SendAsync("logged-key", TestJobs.DivideByZero(job),
            new Headers { { "traceparent", Encoding.ASCII.GetBytes($"00-{traceId}-{ActivitySpanId.CreateRandom()}-01") } });
        await results.WaitCountAsync(1, Wait);

        var line = await WaitForLogAsync(serve, l => l.Contains($"Job {job} failed", StringComparison.Ordinal));
        var entry = JsonNode.Parse(line)!.AsObject();
        Assert.Equal("Information", entry["LogLevel"]!.GetValue<string>());
        Assert.Equal(job.ToString(), entry["State"]!["JobId"]!.GetValue<string>());
        Assert.Equal("ZeroDivisionError", entry["State"]!["ErrorType"]!.GetValue<string>());
        var scopes = entry["Scopes"]!.AsArray().Select(s => s!.AsObject()).ToList();
        Assert.Contains(scopes, s => s["KafkaKey"]?.GetValue<string>() == "logged-key");
        Assert.Contains(scopes, s => s["JobId"]?.GetValue<string>() == job.ToString());
        Assert.Contains(scopes, s => s["TraceId"]?.GetValue<string>() == traceId.ToString());
    }

    public void Dispose()
    {
        _broker.Dispose();
        _dir.Dispose();
    }

    private static async Task<HttpStatusCode> PostAsync(ServeProcess serve, string body)
    {
        using var response = await serve.Http.PostAsync(new Uri("/jobs", UriKind.Relative), new StringContent(body),
            TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private static async Task<PrometheusScrape> WaitForAsync(ServeProcess serve, Func<PrometheusScrape, bool> done)
    {
        var deadline = DateTime.UtcNow + Wait;
        var scrape = await PrometheusScrape.ReadAsync(serve.Http);
        while (!done(scrape) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            scrape = await PrometheusScrape.ReadAsync(serve.Http);
        }
        return scrape;
    }

    private static async Task<string> WaitForLogAsync(ServeProcess serve, Func<string, bool> match)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (DateTime.UtcNow < deadline)
        {
            if (serve.Output.Split('\n').FirstOrDefault(match) is { } line)
            {
                return line;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No such log line:\n{serve.Output}");
    }
}
