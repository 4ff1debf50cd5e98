using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Runwire.Executor.Tests;

public sealed class TransformationEndpointTests
{
    private const string PassThroughString = "2b1b474f-ddf5-1f4d-fec4-17ef9122112b";

    [Fact]
    public async Task List_ShippedTransformations_ContainsExampleWorkflows()
    {
        using var factory = new ExecutorFactory();

        var all = await factory.CreateClient().GetFromJsonAsync<JsonArray>("/api/transformations?type=WORKFLOW", TestContext.Current.CancellationToken);

        Assert.Contains(all!, t => t!["name"]!.GetValue<string>() == "Univariate Linear RUL Regression Example");
        Assert.All(all!, t => Assert.Equal("WORKFLOW", t!["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Put_NewRevision_SurvivesRestartAndExecutes()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("runwire-executor-").FullName;
        try
        {
            JsonObject original;
            using (var reader = new ExecutorFactory { DataDirectory = dataDirectory })
            {
                original = await GetAsync(reader, PassThroughString);
            }
            var copy = original.DeepClone().AsObject();
            var newId = Guid.NewGuid().ToString();
            copy["id"] = newId;
            copy["version_tag"] = "2.0.0";
            copy["released_timestamp"] = "2030-01-01T00:00:00+00:00";

            using (var first = new ExecutorFactory { DataDirectory = dataDirectory })
            {
                var put = await first.CreateClient().PutAsJsonAsync($"/api/transformations/{newId}", copy, TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.Created, put.StatusCode);
            }
            using var restarted = new ExecutorFactory { DataDirectory = dataDirectory };
            var exported = await GetAsync(restarted, newId);
            var latest = await ExecuteEndpointTests.Post(restarted.CreateClient(), "/api/transformations/execute-latest", new JsonObject
            {
                ["revision_group_id"] = copy["revision_group_id"]!.GetValue<string>(),
                ["wiring"] = ExecuteEndpointTests.Wiring(("input", "hello")),
            });

            Assert.Equal("2.0.0", exported["version_tag"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.OK, latest.StatusCode);
            Assert.Equal("hello", (await latest.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["output_results_by_output_name"]!["output"]!.GetValue<string>());
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Post_InvalidTransformation_Returns422AndStoresNothing()
    {
        using var factory = new ExecutorFactory();
        var bad = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = "no type, no state" };

        var response = await factory.CreateClient().PostAsJsonAsync("/api/transformations", bad, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var missing = await factory.CreateClient().GetAsync($"/api/transformations/{bad["id"]}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static async Task<JsonObject> GetAsync(ExecutorFactory factory, string id) =>
        (await factory.CreateClient().GetFromJsonAsync<JsonObject>($"/api/transformations/{id}", TestContext.Current.CancellationToken))!;
}
