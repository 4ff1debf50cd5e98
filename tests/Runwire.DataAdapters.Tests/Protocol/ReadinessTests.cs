using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Runwire.Testing;

namespace Runwire.DataAdapters.Tests.Protocol;

/// <summary>The adapters service is ready only with its Dapr sidecar, unless told it runs without Dapr.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_WithoutSidecar_Answers503NamingIt_WhileLiveAnswers200()
    {
        var port = UnusedPort.Next();
        await using var factory = new AdaptersServiceFactory { Settings = new Dictionary<string, string> { ["DAPR_HTTP_PORT"] = $"{port}" } };
        var http = factory.CreateClient();

        using var ready = await http.GetAsync(new Uri("/healthz/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        using var live = await http.GetAsync(new Uri("/healthz/live", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var sidecar = (await ready.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["checks"]!["dapr-sidecar"]!;
        Assert.StartsWith($"No Dapr sidecar answers at http://localhost:{port}/", sidecar["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Ready_RunWithoutDapr_Answers200()
    {
        await using var factory = new AdaptersServiceFactory { Settings = new Dictionary<string, string> { ["Health:DaprSidecar"] = "false" } };

        using var ready = await factory.CreateClient().GetAsync(new Uri("/healthz/ready", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }
}
