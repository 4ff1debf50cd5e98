using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.Observability;

/// <summary>The Grafana dashboard queries metrics that a real <c>runwire serve</c> exports under exactly those names.</summary>
public sealed partial class DashboardMetricsTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TestBroker _broker = new();

    [Fact]
    public async Task Dashboard_EveryMetricItQueries_IsInTheScrapeOfAServeThatRanJobs()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Path, _broker.Bootstrap);
        await RunJobsOverHttpAsync(serve);
        await RunJobsOverKafkaAsync(serve);

        var scrape = await PrometheusScrape.ReadAsync(serve.Http);
        var exported = scrape.Samples.Select(sample => Family(sample.Name)).ToHashSet(StringComparer.Ordinal);
        var queried = DashboardMetrics();

        Assert.Contains("runwire_job_duration_seconds", queried);
        Assert.Contains("runwire_queue_depth", queried);
        var missing = queried.Where(m => !exported.Contains(m)).ToList();
        Assert.True(missing.Count == 0, $"The dashboard queries metrics serve does not export: {string.Join(", ", missing)}\nexported: {string.Join(", ", exported.Order(StringComparer.Ordinal))}");
    }

    public void Dispose()
    {
        _broker.Dispose();
        _dir.Dispose();
    }

    /// <summary>One job answered ok and one answered with a failure result, through <c>POST /jobs</c>.</summary>
    private static async Task RunJobsOverHttpAsync(ServeProcess serve)
    {
        var good = await PostJobAsync(serve, TestJobs.ById(3));
        var unknown = await PostJobAsync(serve, TestJobs.ById(3).Replace(TestJobs.PassThroughInt, "00000000-0000-0000-0000-00000000dead", StringComparison.Ordinal));
        foreach (var (job, result) in new[] { (good, "ok"), (unknown, "failure") })
        {
            var status = await serve.WaitJobDoneAsync(job);
            Assert.True(status["status"]!.GetValue<string>() == "done", $"Job {job} is not done: {status.ToJsonString()}");
            Assert.Equal(result, status["result"]!["result"]!.GetValue<string>());
        }
    }

    /// <summary>A job, its redelivered copy (a duplicate) and an undecodable record (a dead letter), over Kafka.</summary>
    private async Task RunJobsOverKafkaAsync(ServeProcess serve)
    {
        using var results = new TopicReader(_broker.Bootstrap);
        using var deadLetters = new TopicReader(_broker.Bootstrap, Topics.DeadLetters);
        using var producer = new JobProducer(_broker.Bootstrap);
        var job = TestJobs.ById(4, Guid.NewGuid());

        await producer.SendAsync("metrics-job", job);
        await results.WaitCountAsync(1, TimeSpan.FromSeconds(60));
        await producer.SendAsync("metrics-copy", job);
        await producer.SendAsync("metrics-undecodable", "hello kafka");

        Assert.Single(await deadLetters.WaitCountAsync(1, TimeSpan.FromSeconds(60)));
        Assert.Equal(2, (await results.WaitCountAsync(2, TimeSpan.FromSeconds(60))).Count);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((long)(await serve.KafkaStatusAsync())["duplicates_skipped"]! < 1)
        {
            Assert.True(DateTime.UtcNow < deadline, "The copy was not skipped as a duplicate.");
            await Task.Delay(50);
        }
    }

    private static async Task<Guid> PostJobAsync(ServeProcess serve, string body)
    {
        using var response = await serve.Http.PostAsync(new Uri("/jobs", UriKind.Relative), new StringContent(body, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        return Guid.Parse(accepted!["job_id"]!.GetValue<string>());
    }

    /// <summary>Every metric a dashboard query selects (a name followed by its label matchers), as a family name.</summary>
    private static SortedSet<string> DashboardMetrics()
    {
        var dashboard = JsonNode.Parse(File.ReadAllText(Path.Combine(Paths.RepoRoot, "dashboards", "grafana", "runwire.json")))!;
        var exprs = dashboard["panels"]!.AsArray().SelectMany(p => p!["targets"]?.AsArray() ?? []).Select(t => t!["expr"]!.GetValue<string>());
        return new(exprs.SelectMany(e => Selector().Matches(e)).Select(m => Family(m.Groups[1].Value)), StringComparer.Ordinal);
    }

    /// <summary>A histogram is queried and exported as its _bucket, _sum and _count series.</summary>
    private static string Family(string series) => HistogramSeries().Replace(series, "");

    [GeneratedRegex(@"([a-zA-Z_:][a-zA-Z0-9_:]*)\{")]
    private static partial Regex Selector();

    [GeneratedRegex("_(bucket|sum|count)$")]
    private static partial Regex HistogramSeries();
}
