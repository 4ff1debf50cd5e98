using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.Kafka;

/// <summary>
/// A host whose broker goes away says so on <c>/healthz</c> (Degraded with the reason, healthy again when it is back),
/// and a SIGTERM then still ends it within <c>ShutdownTimeoutSeconds</c>, losing no job.
/// </summary>
public sealed class BrokerLossTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TestBroker _broker = new();

    [Fact]
    public async Task BrokerDown_HealthDegradedWithReason_BrokerUp_HealthyAgain()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Path, _broker.Bootstrap, "runwire-health",
            "--Kafka:Health:ProbeIntervalSeconds=1", "--Kafka:Health:ProbeTimeoutSeconds=2");
        await serve.WaitAssignedAsync();
        var healthy = await HealthAsync(serve);
        Assert.Equal("Healthy", healthy["status"]!.GetValue<string>());

        _broker.Down();
        var degraded = await WaitHealthAsync(serve, "Degraded", TimeSpan.FromSeconds(30));
        var kafka = degraded["checks"]!["kafka"]!;
        Assert.Equal("Degraded", kafka["status"]!.GetValue<string>());
        Assert.Contains($"The Kafka broker at {_broker.Bootstrap} has not answered since", kafka["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(kafka["data"]!["broker_unreachable_since"]);

        _broker.Up();
        await WaitHealthAsync(serve, "Healthy", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task AnswersBackingUp_HealthDegradedNamingTheThreshold()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Path, _broker.Bootstrap, "runwire-backlog",
            "--Kafka:Health:ProbeIntervalSeconds=60", "--Kafka:Health:MaxPendingAgeSeconds=1", "--Jobs:Concurrency=1");
        await serve.WaitAssignedAsync();
        using var producer = new JobProducer(_broker.Bootstrap);
        using var results = new TopicReader(_broker.Bootstrap);
        // One worker runs 200 RUL jobs of tens of milliseconds each: when the broker goes after the first answer, the
        // jobs already consumed go on running and their answers can only wait.
        for (var i = 0; i < 200; i++)
        {
            producer.Enqueue($"job-{i}", TestJobs.RulLegacy());
        }
        producer.Flush();
        await results.WaitCountAsync(1, TimeSpan.FromSeconds(60));
        _broker.Down();

        var degraded = await WaitHealthAsync(serve, "Degraded", TimeSpan.FromSeconds(30));

        var kafka = degraded["checks"]!["kafka"]!;
        Assert.Contains("Kafka:Health:MaxPendingAgeSeconds", kafka["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(kafka["data"]!["pending_answers"]!.GetValue<int>() > 0);
        _broker.Up();
        await WaitHealthAsync(serve, "Healthy", TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task SigtermWithBrokerGone_ExitsWithinShutdownTimeout_UnansweredJobsRedelivered()
    {
        const int jobCount = 200;
        var keys = Enumerable.Range(0, jobCount).Select(i => $"job-{i}").ToList();
        using var results = new TopicReader(_broker.Bootstrap);
        using var producer = new JobProducer(_broker.Bootstrap);
        // The 1000-point RUL job takes a worker tens of milliseconds: one worker is still busy when the broker goes.
        foreach (var key in keys)
        {
            producer.Enqueue(key, TestJobs.RulLegacy());
        }
        producer.Flush();
        using (var stopping = await ServeProcess.StartAsync(_dir.Path, _broker.Bootstrap, "runwire-stop", "--ShutdownTimeoutSeconds=10",
            "--Jobs:Concurrency=1", "--Logging:LogLevel:Runwire=Information"))
        {
            await results.WaitCountAsync(10, TimeSpan.FromSeconds(60));
            _broker.Down();
            var clock = Stopwatch.StartNew();

            Assert.True(stopping.Terminate(TimeSpan.FromSeconds(20)), $"still running after 20 s:\n{stopping.Output}");

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"stopped after {clock.Elapsed}:\n{stopping.Output}");
            Assert.Contains("Kafka transport stopped after", stopping.Output, StringComparison.Ordinal);
        }
        _broker.Up();
        using var restarted = await ServeProcess.StartAsync(_dir.Path, _broker.Bootstrap, "runwire-stop");

        var answers = await results.WaitAsync(a => a.Select(r => r.Key).Distinct().Count() >= jobCount, TimeSpan.FromSeconds(120));
        Assert.Equal(keys.Order(StringComparer.Ordinal), answers.Select(a => a.Key!).Distinct().Order(StringComparer.Ordinal));
        Assert.All(answers, a => Assert.Equal("ok", a.Result));
    }

    public void Dispose()
    {
        _broker.Dispose();
        _dir.Dispose();
    }

    private static async Task<JsonObject> HealthAsync(ServeProcess serve)
    {
        using var response = await serve.Http.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
    }

    private static async Task<JsonObject> WaitHealthAsync(ServeProcess serve, string status, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var health = await HealthAsync(serve);
            if (health["status"]!.GetValue<string>() == status)
            {
                return health;
            }
            Assert.True(DateTime.UtcNow < deadline, $"/healthz did not become {status}: {health.ToJsonString()}");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
