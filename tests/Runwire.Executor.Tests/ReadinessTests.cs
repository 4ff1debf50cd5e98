using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Runwire.Testing;

namespace Runwire.Executor.Tests;

/// <summary>The executor's readiness: its transformation store (built, imports writable) and its Dapr sidecar.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_StoreWritableButNoSidecar_Answers503WithTheStoreHealthyAndTheSidecarMissing()
    {
        var port = UnusedPort.Next();
        await using var factory = new ExecutorFactory { Settings = new Dictionary<string, string> { ["DAPR_HTTP_PORT"] = $"{port}" } };

        var report = await GetAsync(factory, "/healthz/ready", HttpStatusCode.ServiceUnavailable);

        var store = report["checks"]!["transformation-store"]!;
        Assert.Equal("Healthy", store["status"]!.GetValue<string>());
        Assert.True(store["data"]!["revisions"]!.GetValue<int>() > 0, store.ToJsonString());
        var folder = Path.Combine(factory.DataDirectory, "transformations");
        Assert.Equal(folder, store["data"]!["directory"]!.GetValue<string>());
        // The write probe leaves nothing behind for the next start to import.
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
        var sidecar = report["checks"]!["dapr-sidecar"]!;
        Assert.Equal("Unhealthy", sidecar["status"]!.GetValue<string>());
        Assert.StartsWith($"No Dapr sidecar answers at http://localhost:{port}/", sidecar["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_DataDirectoryNotWritable_StoreUnhealthyNamingTheFolder()
    {
        // A path below a plain file cannot become a folder, for root as well (the CI runs as root, so no chmod).
        var file = Path.GetTempFileName();
        try
        {
            var data = Path.Combine(file, "data");
            await using var factory = new ExecutorFactory { DataDirectory = data, Settings = new Dictionary<string, string> { ["Health:DaprSidecar"] = "false" } };

            var report = await GetAsync(factory, "/healthz/ready", HttpStatusCode.ServiceUnavailable);

            var store = report["checks"]!["transformation-store"]!;
            Assert.Equal("Unhealthy", store["status"]!.GetValue<string>());
            Assert.StartsWith($"The transformation store folder {Path.Combine(data, "transformations")} (Runwire:DataDirectory) cannot be written: ",
                store["description"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Null(report["checks"]!["dapr-sidecar"]);
            await GetAsync(factory, "/healthz/live", HttpStatusCode.OK);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Ready_SidecarCheckOff_StoreAloneDecides()
    {
        await using var factory = new ExecutorFactory { Settings = new Dictionary<string, string> { ["Health:DaprSidecar"] = "false" } };

        var report = await GetAsync(factory, "/healthz/ready", HttpStatusCode.OK);

        Assert.Equal(["transformation-store"], report["checks"]!.AsObject().Select(c => c.Key));
    }

    private static async Task<JsonObject> GetAsync(ExecutorFactory factory, string path, HttpStatusCode expected)
    {
        using var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var report = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        Assert.True(response.StatusCode == expected, $"{path}: {(int)response.StatusCode} {report.ToJsonString()}");
        return report;
    }
}
