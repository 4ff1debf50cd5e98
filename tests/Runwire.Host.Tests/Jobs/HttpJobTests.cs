using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.Jobs;

/// <summary>The standalone host's HTTP side: queued jobs, their status, the executor's synchronous endpoints.</summary>
public sealed class HttpJobTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task PostJob_AnyFormat_202WithJobIdThenDoneWithResult()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Path);
        var job = Guid.NewGuid();

        using var posted = await PostAsync(serve, "/jobs", TestJobs.ById(5, job));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var body = await posted.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.Equal(job.ToString(), body!["job_id"]!.GetValue<string>());
        Assert.Equal($"/jobs/{job}", posted.Headers.Location!.ToString());

        var done = await serve.WaitJobDoneAsync(job);
        var result = done["result"]!.AsObject();
        Assert.Equal(job.ToString(), result["job_id"]!.GetValue<string>());
        Assert.Equal("ok", result["result"]!.GetValue<string>());
        Assert.Equal(5, result["output_results_by_output_name"]!["output"]!.GetValue<int>());

        using var legacy = await PostAsync(serve, "/jobs", TestJobs.RulLegacy());
        Assert.Equal(HttpStatusCode.Accepted, legacy.StatusCode);
        var legacyId = Guid.Parse((await legacy.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["job_id"]!.GetValue<string>());
        Assert.Equal(legacyId.ToString(), (await serve.WaitJobDoneAsync(legacyId))["result"]!["job_id"]!.GetValue<string>());
        // The result is embedded byte for byte as hetida writes it (no "\u002B" for the offset's plus sign).
        var raw = await serve.Http.GetStringAsync(new Uri($"/jobs/{legacyId}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("\"limit_violation_timestamp\":\"2020-07-06T13:32:31.838365+00:00\"", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostJob_Undecodable_422WithValidationDetail()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Path);
        using var response = await PostAsync(serve, "/jobs", """{"id": "not-a-uuid"}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["detail"]!.AsArray();
        Assert.Contains(detail, d => d!["loc"]![0]!.GetValue<string>() == "id");
    }

    [Fact]
    public async Task GetJob_Unknown_404()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Path);
        using var response = await serve.Http.GetAsync(new Uri($"/jobs/{Guid.NewGuid()}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PostJob_QueueFull_503WithRetryAfter_AcceptedJobsAllFinish()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Path, null, "unused", "--Jobs:QueueCapacity=1", "--Jobs:Concurrency=1");
        // The 1000-point RUL job keeps the single worker busy for a while, so a burst overflows the one queue slot.
        var payload = TestJobs.RulLegacy();
        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => PostAsync(serve, "/jobs", payload)));
        try
        {
            var refused = responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
            var accepted = responses.Where(r => r.StatusCode == HttpStatusCode.Accepted).ToList();
            Assert.Equal(responses.Length, refused.Count + accepted.Count);
            Assert.NotEmpty(refused);
            Assert.NotEmpty(accepted);
            Assert.All(refused, r => Assert.Equal(TimeSpan.FromSeconds(1), r.Headers.RetryAfter!.Delta));
            foreach (var response in accepted)
            {
                var id = Guid.Parse((await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["job_id"]!.GetValue<string>());
                Assert.Equal("done", (await serve.WaitJobDoneAsync(id))["status"]!.GetValue<string>());
            }
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task SynchronousExecuteEndpoint_ServedByTheStandaloneHost()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Path);
        var job = Guid.NewGuid();
        using var response = await PostAsync(serve, "/api/transformations/execute", TestJobs.ById(9, job), "application/json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        Assert.Equal(job.ToString(), result["job_id"]!.GetValue<string>());
        Assert.Equal(9, result["output_results_by_output_name"]!["output"]!.GetValue<int>());
        using var health = await serve.Http.GetAsync(new Uri("/kafka", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.False((await health.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["enabled"]!.GetValue<bool>());
    }

    public void Dispose() => _dir.Dispose();

    private static Task<HttpResponseMessage> PostAsync(ServeProcess serve, string path, string body, string contentType = "text/plain") =>
        serve.Http.PostAsync(new Uri(path, UriKind.Relative), new StringContent(body, Encoding.UTF8, contentType));
}
