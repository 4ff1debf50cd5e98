using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.Jobs;

/// <summary>
/// HTTP bodies up to <c>Runwire:Limits:MaxRequestBytes</c> (64 MiB, as <c>Kafka:MaxJobBytes</c>) are taken; a larger
/// one gets 413 with a message naming the limit, on the host's job API and on the shared execution endpoints.
/// </summary>
public sealed class RequestLimitTests : IDisposable
{
    private const long DefaultLimit = 64L * 1024 * 1024;
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task PostJob_MillionPointSeries_OverKestrelsDefault_PostsAndRuns()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Path);
        var job = Guid.NewGuid();
        var payload = LimitJobs.RulOnPoints(1_000_000, job);
        Assert.InRange(Encoding.UTF8.GetByteCount(payload), 30_000_000, DefaultLimit);

        using var posted = await PostAsync(serve, "/jobs", payload);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var result = (await serve.WaitJobDoneAsync(job))["result"]!;
        Assert.True(result["result"]!.GetValue<string>() == "ok", result.ToJsonString());
        Assert.True(result["output_results_by_output_name"]!["slope"]![0]!.GetValue<double>() < 0);
    }

    [Fact]
    public async Task Post_BodyOverDefaultLimit_413SayingLimitAndSetting_OnJobsExecuteAndImport()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Path);
        var body = new byte[DefaultLimit + 1];
        Array.Fill(body, (byte)' ');

        foreach (var (method, path) in new[]
        {
            (HttpMethod.Post, "/jobs"),
            (HttpMethod.Post, "/api/transformations/execute"),
            (HttpMethod.Put, $"/api/transformations/{TestJobs.RulWorkflow}"),
        })
        {
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json");
            // As curl sends bodies over 1 MB: the host answers before the body is sent. A client that sends a body
            // over the limit without waiting may see the connection closed before it reads the answer.
            request.Headers.ExpectContinue = true;
            using var response = await serve.Http.SendAsync(request, TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            var answer = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
            Assert.Equal("Runwire:Limits:MaxRequestBytes", answer["limit"]!.GetValue<string>());
            Assert.Equal(DefaultLimit, answer["limit_bytes"]!.GetValue<long>());
            Assert.Contains("67,108,864 bytes", answer["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        // The host goes on taking jobs.
        using var small = await PostAsync(serve, "/jobs", TestJobs.ById(3));
        Assert.Equal(HttpStatusCode.Accepted, small.StatusCode);
    }

    [Fact]
    public async Task Post_BodyOverConfiguredLimit_413_BodyUnderIt_Runs()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Path, null, "unused", "--Runwire:Limits:MaxRequestBytes=100000");

        using var over = await PostAsync(serve, "/api/transformations/execute", LimitJobs.PassThroughString(200_000, Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.StatusCode);
        Assert.Contains("(100,000 bytes)", (await over.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["detail"]!.GetValue<string>(),
            StringComparison.Ordinal);
        using var under = await PostAsync(serve, "/api/transformations/execute", LimitJobs.PassThroughString(50_000, Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.OK, under.StatusCode);
    }

    public void Dispose() => _dir.Dispose();

    private static Task<HttpResponseMessage> PostAsync(ServeProcess serve, string path, string json) =>
        serve.Http.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
}
