using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Runwire.Host.Tests.Support;

namespace Runwire.WebConsole.Tests.Jobs;

/// <summary><c>GET /jobs</c> of a running standalone host with HTTP and Kafka jobs: order, pages, filters, refusals.</summary>
public sealed class JobListApiTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task HttpAndKafkaJobs_ListedNewestFirst_PagedAndFiltered()
    {
        using var broker = new TestBroker();
        await using var host = await InProcessHost.StartAsync(_dir.Path, broker.Bootstrap);
        var ct = TestContext.Current.CancellationToken;
        var ok1 = Guid.NewGuid();
        var divide = Guid.NewGuid();
        var ok2 = Guid.NewGuid();
        await PostAsync(host, TestJobs.ById(1, ok1));
        await PostAsync(host, TestJobs.DivideByZero(divide));
        await PostAsync(host, TestJobs.ById(2, ok2));
        using (var producer = new JobProducer(broker.Bootstrap))
        {
            await producer.SendAsync("pump-1", TestJobs.ById(3));
            await producer.SendAsync("pump-2", "this is not a job");
        }
        var all = await WaitAsync(host, "/jobs", page => page["jobs"]!.AsArray().Count == 5
            && page["jobs"]!.AsArray().All(j => j!["status"]!.GetValue<string>() is "succeeded" or "failed"));

        var jobs = all["jobs"]!.AsArray();
        Assert.Equal(5, all["held"]!.GetValue<int>());
        Assert.Equal(5, all["matching"]!.GetValue<int>());
        var sequences = jobs.Select(j => j!["sequence"]!.GetValue<long>()).ToList();
        Assert.Equal(sequences.OrderDescending(), sequences);
        Assert.Equal([ok2, divide, ok1], jobs.Where(j => j!["transport"]!.GetValue<string>() == "http").Select(j => Guid.Parse(j!["job_id"]!.GetValue<string>())));
        Assert.Equal(2, all["by_status"]!["failed"]!.GetValue<int>());

        var failed = (await GetAsync(host, "/jobs?status=failed"))["jobs"]!.AsArray();
        Assert.Equal(2, failed.Count);
        var divided = failed.Single(j => j!["transport"]!.GetValue<string>() == "http")!;
        Assert.Equal(divide.ToString(), divided["job_id"]!.GetValue<string>());
        Assert.Equal("Divide", divided["transformation_name"]!.GetValue<string>());
        Assert.Equal("ZeroDivisionError", divided["error_type"]!.GetValue<string>());
        Assert.Equal("EXECUTING_COMPONENT_CODE", divided["process_stage"]!.GetValue<string>());
        Assert.Equal("failure", divided["result"]!.GetValue<string>());
        var undecodable = failed.Single(j => j!["transport"]!.GetValue<string>() == "kafka")!;
        Assert.Equal("pump-2", undecodable["kafka_key"]!.GetValue<string>());
        Assert.Equal("PARSING_WORKFLOW", undecodable["process_stage"]!.GetValue<string>());

        var byKey = (await GetAsync(host, "/jobs?key=pump-1"))["jobs"]!.AsArray();
        var kafka = Assert.Single(byKey)!;
        Assert.Equal("succeeded", kafka["status"]!.GetValue<string>());
        Assert.StartsWith(Topics.Jobs, kafka["kafka_record"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(kafka["duration_seconds"]!.GetValue<double>() > 0);

        var byName = (await GetAsync(host, "/jobs?transformation=divide"))["jobs"]!.AsArray();
        Assert.Equal([divide.ToString()], byName.Select(j => j!["job_id"]!.GetValue<string>()));
        var byId = (await GetAsync(host, $"/jobs?q={ok1.ToString()[..8]}"))["jobs"]!.AsArray();
        Assert.Equal([ok1.ToString()], byId.Select(j => j!["job_id"]!.GetValue<string>()));

        var paged = new List<string>();
        string? next = null;
        do
        {
            var page = await GetAsync(host, "/jobs?limit=2" + (next is null ? "" : $"&before={next}"));
            Assert.InRange(page["jobs"]!.AsArray().Count, 1, 2);
            paged.AddRange(page["jobs"]!.AsArray().Select(j => j!["job_id"]!.GetValue<string>()));
            next = page["next_before"]?.ToString();
        }
        while (next is not null);
        Assert.Equal(jobs.Select(j => j!["job_id"]!.GetValue<string>()), paged);

        // A Kafka job is a job of this host like any other: its status and its result are there too.
        var kafkaId = kafka["job_id"]!.GetValue<string>();
        var status = await GetAsync(host, $"/jobs/{kafkaId}");
        Assert.Equal("done", status["status"]!.GetValue<string>());
        using var download = await host.Http.GetAsync(new Uri($"/jobs/{kafkaId}/result", UriKind.Relative), ct);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("ok", JsonNode.Parse(await download.Content.ReadAsStringAsync(ct))!["result"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/jobs?status=done", "Unknown status 'done'")]
    [InlineData("/jobs?limit=0", "limit must be between 1 and 500")]
    [InlineData("/jobs?limit=501", "limit must be between 1 and 500")]
    public async Task BadQuery_400_SaysWhatIsAccepted(string path, string detail)
    {
        await using var host = await InProcessHost.StartAsync(_dir.Path);

        using var response = await host.Http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.Contains(detail, body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static async Task PostAsync(InProcessHost host, string job)
    {
        using var response = await host.Http.PostAsync(new Uri("/jobs", UriKind.Relative), new StringContent(job, Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static async Task<JsonObject> GetAsync(InProcessHost host, string path)
    {
        using var response = await host.Http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
    }

    private static async Task<JsonObject> WaitAsync(InProcessHost host, string path, Func<JsonObject, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var page = await GetAsync(host, path);
            if (done(page) || DateTime.UtcNow > deadline)
            {
                return page;
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
