using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Runwire.Ingest.Tests.Support;

namespace Runwire.Ingest.Tests.Workflow;

/// <summary>ingest's HTTP job API runs through the same workflow as Kafka jobs and answers like hetida's web API.</summary>
public sealed class HttpJobTests(WorkflowFixture fx) : IClassFixture<WorkflowFixture>
{
    private const string PassThroughInteger = "57eea09f-d28e-89af-4e81-2027697a3f0f";

    [Fact]
    public async Task PostJob_ThenGet_AnswersFromWorkflowStateWithTheResult()
    {
        var client = fx.Ingest.CreateClient();
        var job = new JsonObject { ["id"] = PassThroughInteger, ["wiring"] = Wiring(("input", "7")) };

        using var posted = await client.PostAsync(new Uri("/jobs", UriKind.Relative), Json(job), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var accepted = (await posted.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        var jobId = accepted["job_id"]!.GetValue<string>();
        Assert.Equal("queued", accepted["status"]!.GetValue<string>());
        Assert.Equal($"/jobs/{jobId}", posted.Headers.Location!.OriginalString);
        await fx.WaitAsync(jobId);
        var status = await client.GetFromJsonAsync<JsonObject>(new Uri($"/jobs/{jobId}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("done", status!["status"]!.GetValue<string>());
        Assert.Equal(7, status["result"]!["output_results_by_output_name"]!["output"]!.GetValue<long>());
        Assert.Equal(jobId, status["result"]!["job_id"]!.GetValue<string>());
        Assert.DoesNotContain(fx.Dapr.Publishes, p => JsonNode.Parse(p.Data)!["job_id"]!.GetValue<string>() == jobId);
    }

    [Fact]
    public async Task GetJob_Unknown_Returns404()
    {
        using var response = await fx.Ingest.CreateClient().GetAsync(new Uri($"/jobs/{Guid.NewGuid()}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task SyncExecute_UnknownTransformation_Returns404WithHetidaDetail()
    {
        var id = Guid.NewGuid();

        using var response = await fx.Ingest.CreateClient().PostAsync(new Uri("/api/transformations/execute", UriKind.Relative),
            Json(new JsonObject { ["id"] = id.ToString() }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.Equal($"Could not find transformation revision {id}:\n", body!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task SyncExecute_WiringNamesNoSuchInput_Returns422()
    {
        var job = new JsonObject { ["id"] = PassThroughInteger, ["wiring"] = Wiring(("input", "1"), ("nope", "2")) };

        using var response = await fx.Ingest.CreateClient().PostAsync(new Uri("/api/transformations/execute", UriKind.Relative),
            Json(job), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["detail"]!.GetValue<string>();
        Assert.Contains("Wiring does not match: There is no workflow input 'nope'!", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncExecute_NotJson_Returns422WithoutStartingAWorkflow()
    {
        using var response = await fx.Ingest.CreateClient().PostAsync(new Uri("/api/transformations/execute", UriKind.Relative),
            new StringContent("nope", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static JsonObject Wiring(params (string Name, string Value)[] inputs) => new()
    {
        ["input_wirings"] = new JsonArray([.. inputs.Select(i => (JsonNode)new JsonObject
        {
            ["workflow_input_name"] = i.Name, ["adapter_id"] = "direct_provisioning", ["filters"] = new JsonObject { ["value"] = i.Value },
        })]),
        ["output_wirings"] = new JsonArray(),
    };
}
