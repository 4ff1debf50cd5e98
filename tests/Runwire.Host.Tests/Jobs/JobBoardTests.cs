using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.Jobs;

/// <summary>The HTTP job board holds results within <c>Jobs:RetainFinished</c>, <c>Jobs:RetainBytes</c> and <c>Jobs:RetainMinutes</c>.</summary>
public sealed class JobBoardTests : IDisposable
{
    private const int Posts = 300;
    private const int StringLength = 5 * 1024 * 1024;
    private const long RetainBytes = 256L * 1024 * 1024;

    /// <summary>
    /// Without bounds the probe took the host from 0.16 to 4.1 GB; with the default 256 MiB of results held the
    /// host must stay under this (results held, plus the garbage collector's headroom for 5 MB requests).
    /// </summary>
    private const long ResidentBound = 1536L * 1024 * 1024;
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task ThreeHundredFiveMegabyteResults_HeldBytesBounded_NewestReadable_OldestEvictedWith404()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Path);
        var jobs = Enumerable.Range(0, Posts).Select(_ => Guid.NewGuid()).ToList();
        foreach (var job in jobs)
        {
            using var posted = await serve.Http.PostAsync(new Uri("/jobs", UriKind.Relative),
                new StringContent(LimitJobs.PassThroughString(StringLength, job), Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }
        Assert.Equal("done", (await serve.WaitJobDoneAsync(jobs[^1]))["status"]!.GetValue<string>());

        var scrape = await PrometheusScrape.ReadAsync(serve.Http);
        var held = scrape.Samples.Single(s => s.Name.StartsWith("runwire_jobs_board_bytes", StringComparison.Ordinal)).Value;
        var results = scrape.Samples.Single(s => s.Name.StartsWith("runwire_jobs_board_results", StringComparison.Ordinal)).Value;
        Assert.InRange(held, RetainBytes - StringLength - 1024 * 1024, RetainBytes);
        // Requests count too: each job holds its 5 MB request and its 5 MB result.
        Assert.InRange(results, 20, 30);
        var (resident, _) = LimitJobs.Memory(serve.ProcessId);
        Assert.True(resident < ResidentBound, $"resident memory {resident:N0} bytes with {held:N0} bytes of results held");

        foreach (var job in jobs[^5..])
        {
            var done = await serve.WaitJobDoneAsync(job);
            Assert.Equal(job.ToString(), done["result"]!["job_id"]!.GetValue<string>());
            Assert.Equal(StringLength, done["result"]!["output_results_by_output_name"]!["output"]!.GetValue<string>().Length);
        }
        using var evicted = await serve.Http.GetAsync(new Uri($"/jobs/{jobs[0]}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, evicted.StatusCode);
        var detail = (await evicted.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["detail"]!.GetValue<string>();
        Assert.Contains("no longer held", detail, StringComparison.Ordinal);
        Assert.Contains("Jobs:RetainBytes", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetainFinishedAndMinutes_EvictOldestByCountAndAge()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Path, null, "unused", "--Jobs:RetainFinished=3", "--Jobs:RetainMinutes=0.05");
        var jobs = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        for (var i = 0; i < jobs.Count; i++)
        {
            using var posted = await serve.Http.PostAsync(new Uri("/jobs", UriKind.Relative),
                new StringContent(TestJobs.ById(i, jobs[i]), Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
            Assert.Equal("done", (await serve.WaitJobDoneAsync(jobs[i]))["status"]!.GetValue<string>());
        }

        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(serve, jobs[0]));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(serve, jobs[1]));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(serve, jobs[4]));
        // Jobs:RetainMinutes=0.05 is three seconds.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await StatusAsync(serve, jobs[4]) == HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(serve, jobs[4]));
    }

    public void Dispose() => _dir.Dispose();

    private static async Task<HttpStatusCode> StatusAsync(ServeProcess serve, Guid job)
    {
        using var response = await serve.Http.GetAsync(new Uri($"/jobs/{job}", UriKind.Relative), TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
