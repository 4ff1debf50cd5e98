using System.Net;
using System.Net.Http.Headers;
using Runwire.Testing;

namespace Runwire.DataAdapters.Tests.Protocol;

/// <summary>
/// The adapters service over real HTTP with authentication on: reading adapter data needs the read role, writing
/// files or rows needs admin, the workflow steps take Dapr's app token.
/// </summary>
public sealed class AuthTests
{
    [Fact]
    public async Task EveryEndpoint_WithoutCredentialsOrWithTheWrongRole_IsRefused()
    {
        await using var factory = new AdaptersServiceFactory { Settings = AuthProbe.Settings(daprAppToken: true) };
        using var http = KestrelHost.Start(factory);
        var endpoints = AuthProbe.Endpoints(factory.Services);

        Assert.Contains(endpoints, e => e is { Method: "POST", Pattern: "/adapters/{adapterId}/dataframe" });
        Assert.Contains(endpoints, e => e is { Method: "GET", Pattern: "/adapters/{adapterId}/dataframe" });
        Assert.Contains(endpoints, e => e is { Method: "POST", Pattern: "/internal/send" });
        Assert.Equal(["/healthz", "/metrics"], endpoints.Where(e => e.Open).Select(e => e.Pattern).Order(StringComparer.Ordinal));
        var failures = await AuthProbe.ProbeAsync(http, endpoints, daprAppToken: true);
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task LocalFileWrite_WithAReadKey_IsRefusedAndWritesNothing()
    {
        await using var factory = new AdaptersServiceFactory { Settings = AuthProbe.Settings(daprAppToken: true) };
        using var http = KestrelHost.Start(factory);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/adapters/local-file-adapter/dataframe?id=" + AdaptersServiceFactory.Id("planted.csv"))
        {
            Content = new StringContent("""[{"a": 1}]""", new MediaTypeHeaderValue("application/json")),
        };
        AuthProbe.Key(AuthProbe.ReadKey)(request);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(Directory.EnumerateFiles(factory.Files.Root, "planted*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task WorkflowStep_WithAnotherAppToken_IsRefused()
    {
        await using var factory = new AdaptersServiceFactory { Settings = AuthProbe.Settings(daprAppToken: true) };
        using var http = KestrelHost.Start(factory);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/internal/load") { Content = new StringContent("{}") };
        request.Headers.Add("dapr-api-token", "not-the-app-token");
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
