using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Runwire.Ingest.Tests.Health;

/// <summary>Ingest started without its sidecar: alive, not ready, and says why; job calls are refused at once.</summary>
public sealed class ReadinessTests(NoSidecarHost host) : IClassFixture<NoSidecarHost>
{
    [Fact]
    public async Task Ready_WithoutSidecar_Answers503NamingTheSidecarAndTheWorkflowEngine()
    {
        using var response = await host.CreateClient().GetAsync(new Uri("/healthz/ready", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.Equal("Unhealthy", report!["status"]!.GetValue<string>());
        var sidecar = report["checks"]!["dapr-sidecar"]!;
        Assert.Equal("Unhealthy", sidecar["status"]!.GetValue<string>());
        Assert.StartsWith($"No Dapr sidecar answers at http://localhost:{host.HttpPort}/ (", sidecar["description"]!.GetValue<string>(), StringComparison.Ordinal);
        var workflows = report["checks"]!["workflow-runtime"]!;
        Assert.Equal("Unhealthy", workflows["status"]!.GetValue<string>());
        Assert.StartsWith($"The Dapr workflow engine at http://localhost:{host.GrpcPort}/ ", workflows["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/healthz/live")]
    [InlineData("/healthz")]
    public async Task LivenessAndLegacyHealth_WithoutSidecar_Answer200(string path)
    {
        using var response = await host.CreateClient().GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.Equal("Healthy", report!["status"]!.GetValue<string>());
        Assert.Empty(report["checks"]!.AsObject());
    }

    [Fact]
    public async Task PostJob_WithoutSidecar_Answers503AtOnceWithTheReason()
    {
        var job = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "examples", "rul-legacy.json"), TestContext.Current.CancellationToken);
        var watch = Stopwatch.StartNew();

        using var response = await host.CreateClient().PostAsync(new Uri("/jobs", UriKind.Relative), new ByteArrayContent(job), TestContext.Current.CancellationToken);

        watch.Stop();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.StartsWith($"No Dapr sidecar answers at http://localhost:{host.HttpPort}/ (", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal($"http://localhost:{host.HttpPort}/", body["sidecar"]!.GetValue<string>());
        Assert.Equal("5", response.Headers.GetValues("Retry-After").Single());
        // Before the gate the same call hung in Dapr's clients for minutes; the probe's own limit is 2 s.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task DaprSubscribe_WithoutSidecar_StillAnswers()
    {
        using var response = await host.CreateClient().GetAsync(new Uri("/dapr/subscribe", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("designer_initialize_job", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
