using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Runwire.Core.Tests.Support;

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

    [Fact]
    public async Task Put_WorkflowWhoseOperatorIsItself_Returns422AndStoresNothing()
    {
        using var factory = new ExecutorFactory();
        var id = Guid.NewGuid();

        var response = await factory.CreateClient().PutAsJsonAsync($"/api/transformations/{id}", TrafoJson.Nesting(id, "Ouroboros", id), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["detail"]!.GetValue<string>();
        Assert.Equal($"workflow 'Ouroboros' contains itself through nesting: 'Ouroboros' ({id}) → 'Ouroboros' ({id}); "
            + "a workflow cannot contain itself, directly or through other workflows", detail);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/api/transformations/{id}", Ct)).StatusCode);
        Assert.Empty(Directory.Exists(Path.Combine(factory.DataDirectory, "transformations"))
            ? Directory.GetFiles(Path.Combine(factory.DataDirectory, "transformations")) : []);
    }

    [Fact]
    public async Task Post_ThreeWorkflowsNestingInACycle_Returns422ForEachAndStoresNone()
    {
        using var factory = new ExecutorFactory();
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var body = new JsonArray(TrafoJson.Nesting(a, "A", b), TrafoJson.Nesting(b, "B", c), TrafoJson.Nesting(c, "C", a));

        var response = await factory.CreateClient().PostAsJsonAsync("/api/transformations", body, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["detail"]!.AsArray();
        Assert.Equal(3, detail.Count);
        Assert.Contains(detail, d => d!.GetValue<string>().StartsWith("workflow 'A' contains itself through nesting: 'A' (", StringComparison.Ordinal));
        foreach (var id in new[] { a, b, c })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/api/transformations/{id}", Ct)).StatusCode);
        }
    }

    [Fact]
    public async Task Put_WorkflowClosingACycleThroughStoredWorkflows_Returns422()
    {
        using var factory = new ExecutorFactory();
        var client = factory.CreateClient();
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal(HttpStatusCode.Created, (await client.PutAsJsonAsync($"/api/transformations/{b}", TrafoJson.Nesting(b, "B", c), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PutAsJsonAsync($"/api/transformations/{c}", TrafoJson.Nesting(c, "C", a), Ct)).StatusCode);

        var closing = await client.PutAsJsonAsync($"/api/transformations/{a}", TrafoJson.Nesting(a, "A", b), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, closing.StatusCode);
        Assert.Contains($"'A' ({a}) → 'B' ({b}) → 'C' ({c}) → 'A' ({a})",
            (await closing.Content.ReadFromJsonAsync<JsonObject>(Ct))!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_ChangedReleasedRevision_Returns409WithHetidasDetailUnlessAllowOverwriteReleased()
    {
        using var factory = new ExecutorFactory();
        var client = factory.CreateClient();
        var changed = await GetAsync(factory, PassThroughString);
        changed["name"] = "Pass Through (String) changed";

        var refused = await client.PutAsJsonAsync($"/api/transformations/{PassThroughString}", changed, Ct);
        var unchanged = await GetAsync(factory, PassThroughString);
        var allowed = await client.PutAsJsonAsync($"/api/transformations/{PassThroughString}?allow_overwrite_released=true", changed, Ct);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal($"Update forbidden for transformation with id {PassThroughString}:\n"
            + $"Cannot modify released transformation revision {PassThroughString}!s",
            (await refused.Content.ReadFromJsonAsync<JsonObject>(Ct))!["detail"]!.GetValue<string>());
        Assert.Equal("Pass Through (String)", unchanged["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("Pass Through (String) changed", (await GetAsync(factory, PassThroughString))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_ReleasedRevisionsUnchangedButDocumentationAndTestWiring_Returns201()
    {
        using var factory = new ExecutorFactory();
        var same = await GetAsync(factory, PassThroughString);
        same["documentation"] = "new words";
        same["test_wiring"] = new JsonObject { ["input_wirings"] = new JsonArray(), ["output_wirings"] = new JsonArray() };

        var response = await factory.CreateClient().PostAsJsonAsync("/api/transformations", new JsonArray(same), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("new words", (await GetAsync(factory, PassThroughString))["documentation"]!.GetValue<string>());
    }

    [Fact]
    public async Task Put_DeprecatingReleasedRevision_StoresItDisabledWithItsOwnContent()
    {
        using var factory = new ExecutorFactory();
        var original = await GetAsync(factory, PassThroughString);
        var deprecated = original.DeepClone().AsObject();
        deprecated["state"] = "DISABLED";
        deprecated["disabled_timestamp"] = "2030-01-01T00:00:00+00:00";
        deprecated["content"] = "something else entirely";

        var response = await factory.CreateClient().PutAsJsonAsync($"/api/transformations/{PassThroughString}", deprecated, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await GetAsync(factory, PassThroughString);
        Assert.Equal("DISABLED", stored["state"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(stored["disabled_timestamp"]!.GetValue<string>()));
        Assert.Equal(original["content"]!.ToJsonString(), stored["content"]!.ToJsonString());
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonObject> GetAsync(ExecutorFactory factory, string id) =>
        (await factory.CreateClient().GetFromJsonAsync<JsonObject>($"/api/transformations/{id}", TestContext.Current.CancellationToken))!;
}
