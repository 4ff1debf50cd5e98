using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Runwire.Executor.Tests;

/// <summary>
/// Executor replicas over one shared store folder (one volume): what one imports, the other serves and runs, and a
/// folder that cannot be written makes the replica not ready.
/// </summary>
public sealed class SharedStoreTests : IDisposable
{
    private const string PassThroughString = "2b1b474f-ddf5-1f4d-fec4-17ef9122112b";
    private static readonly Dictionary<string, string> FastRefresh = new() { ["Runwire:StoreRefreshSeconds"] = "0.1" };
    private readonly string _shared = Directory.CreateTempSubdirectory("runwire-shared-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoReplicas_ImportOnOne_TheOtherServesAndRunsIt()
    {
        await using var one = new ExecutorFactory { DataDirectory = _shared, Settings = FastRefresh };
        await using var two = new ExecutorFactory { DataDirectory = _shared, Settings = FastRefresh };
        using var client = two.CreateClient();
        var copy = (await one.CreateClient().GetFromJsonAsync<JsonObject>($"/api/transformations/{PassThroughString}", Ct))!;
        var id = Guid.NewGuid().ToString();
        copy["id"] = id;
        copy["name"] = "Shared pass through";

        using var put = await one.CreateClient().PutAsJsonAsync($"/api/transformations/{id}", copy, Ct);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        var seen = await WaitForAsync(client, id);
        Assert.Equal("Shared pass through", seen["name"]!.GetValue<string>());
        using var run = await ExecuteEndpointTests.Post(client, "/api/transformations/execute", new JsonObject
        {
            ["id"] = id, ["wiring"] = ExecuteEndpointTests.Wiring(("input", "from the other replica")),
        });
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Equal("from the other replica",
            (await run.Content.ReadFromJsonAsync<JsonObject>(Ct))!["output_results_by_output_name"]!["output"]!.GetValue<string>());
    }

    [Fact]
    public async Task StoreFolderNotWritable_HealthReportsTheStoreUnhealthy()
    {
        // Readiness only (no sidecar in this test): the store's own check decides.
        await using var executor = new ExecutorFactory
        {
            DataDirectory = _shared,
            Settings = new Dictionary<string, string>(FastRefresh) { ["Health:DaprSidecar"] = "false" },
        };
        using var client = executor.CreateClient();
        using (var healthy = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        }

        // The volume goes away under the running replica: a file where its folder was.
        Directory.Delete(Path.Combine(_shared, "transformations"), recursive: true);
        await File.WriteAllTextAsync(Path.Combine(_shared, "transformations"), "not a folder", Ct);

        using var broken = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, broken.StatusCode);
        Assert.Contains("transformation store folder", await broken.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (File.Exists(Path.Combine(_shared, "transformations")))
        {
            File.Delete(Path.Combine(_shared, "transformations"));
        }
        Directory.Delete(_shared, recursive: true);
    }

    private static async Task<JsonObject> WaitForAsync(HttpClient client, string id)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            using var response = await client.GetAsync(new Uri($"/api/transformations/{id}", UriKind.Relative), timeout.Token);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return (await response.Content.ReadFromJsonAsync<JsonObject>(timeout.Token))!;
            }
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            await Task.Delay(50, timeout.Token);
        }
    }
}
