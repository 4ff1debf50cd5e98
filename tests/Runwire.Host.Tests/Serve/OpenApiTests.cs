using Runwire.Host.Tests.Support;
using Runwire.Testing;

namespace Runwire.Host.Tests.Serve;

/// <summary>The standalone host's OpenAPI document describes every endpoint it serves: jobs, execution, imports, adapters.</summary>
public sealed class OpenApiTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Document_DescribesEveryRouteAndStatus_AndValidates()
    {
        await using var host = await InProcessHost.StartAsync(_dir.Path);

        var document = await host.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);

        OpenApiCheck.AssertDescribes(host.Services, document);
    }

    [Fact]
    public async Task ApiReference_WhenTurnedOn_IsServedWithItsScriptFromTheHost()
    {
        await using var host = await InProcessHost.StartAsync(_dir.Path, null, "--Runwire:OpenApi:Reference=true");

        var page = await host.Http.GetStringAsync(new Uri("/api-reference/", UriKind.Relative), TestContext.Current.CancellationToken);
        using var script = await host.Http.GetAsync(new Uri("/api-reference/scalar.js", UriKind.Relative), TestContext.Current.CancellationToken);

        // The page names the document relative to the application's base path.
        Assert.Contains("\"url\":\"openapi/v1.json\"", page, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, script.StatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length > 100_000, "the reference's script is not served by the host");
    }

    public void Dispose() => _dir.Dispose();
}
