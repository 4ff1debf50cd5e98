using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Runwire.Core.Adapters;
using Runwire.Core.Contracts;
using Runwire.Core.Data;
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
        Assert.Equal(["/healthz", "/healthz/live", "/healthz/ready", "/metrics"], AuthProbe.OpenPatterns(endpoints));
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
    public async Task ExternalAdapter_AnAdaptersServiceWithAuth_LoadsWithTheConfiguredKeyAndIsRefusedWithout()
    {
        await using var service = new AdaptersServiceFactory { Settings = AuthProbe.Settings(daprAppToken: false) };
        await service.PrepareAsync();
        using var http = KestrelHost.Start(service);
        var url = new Uri(http.BaseAddress!, "adapters/local-file-adapter").ToString();
        var wiring = new SourceRequest(new InputWiring("df", new AdapterId("local-file-adapter", false), AdaptersServiceFactory.Id(service.CsvPath),
            null, null, "dataframe"), DataType.Any);
        var context = new AdapterContext(Guid.NewGuid(), Guid.NewGuid());

        // The executor configured like a Dapr deployment whose file work happens in the adapters service (README).
        var keyed = Registry(new() { ["Runwire:Adapters:External:local-file-adapter"] = url, ["Runwire:Adapters:ExternalApiKeys:local-file-adapter"] = AuthProbe.ReadKey });
        var keyless = Registry(new() { ["Runwire:Adapters:External:local-file-adapter"] = url });
        var loaded = await keyed.FindSource("local-file-adapter")!.LoadAsync([wiring], context, TestContext.Current.CancellationToken);
        var refused = await Assert.ThrowsAsync<AdapterException>(() =>
            keyless.FindSource("local-file-adapter")!.LoadAsync([wiring], context, TestContext.Current.CancellationToken));

        Assert.Equal(2, Assert.IsType<DataFrame>(loaded["df"]).RowCount);
        Assert.Contains("Status code: 401", refused.Message, StringComparison.Ordinal);
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

    private static AdapterRegistry Registry(Dictionary<string, string?> settings) =>
        AdapterSetup.CreateRegistry(AdapterSettings.From(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));
}
