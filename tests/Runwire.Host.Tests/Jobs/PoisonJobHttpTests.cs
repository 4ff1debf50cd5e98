using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.Jobs;

/// <summary>Jobs and imports that crashed the standalone host or left jobs unanswered over HTTP: each is refused or answered once.</summary>
public sealed class PoisonJobHttpTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SelfNestingWorkflow_ImportRefused422_StoredOneAnsweredWithFailure_HostKeepsServing()
    {
        var stored = Guid.NewGuid();
        PoisonTrafos.Persist(_dir.Path, PoisonTrafos.SelfNesting(stored));
        using var serve = await ServeProcess.StartAsync(_dir.Path);
        var imported = Guid.NewGuid();

        using var put = await serve.Http.PutAsJsonAsync($"/api/transformations/{imported}", PoisonTrafos.SelfNesting(imported), Ct);
        var queued = Guid.NewGuid();
        using var posted = await PostAsync(serve, "/jobs", TestJobs.NoInputs(stored, queued));
        var queuedResult = (await serve.WaitJobDoneAsync(queued))["result"]!;
        using var executed = await PostAsync(serve, "/api/transformations/execute", TestJobs.NoInputs(stored));
        var next = Guid.NewGuid();
        using var nextPosted = await PostAsync(serve, "/jobs", TestJobs.ById(4, next));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, put.StatusCode);
        Assert.Contains("workflow 'Ouroboros' contains itself through nesting",
            (await put.Content.ReadFromJsonAsync<JsonObject>(Ct))!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await serve.Http.GetAsync(new Uri($"/api/transformations/{imported}", UriKind.Relative), Ct)).StatusCode);
        AssertNestingFailure(queuedResult);
        Assert.Equal(HttpStatusCode.OK, executed.StatusCode);
        AssertNestingFailure((await executed.Content.ReadFromJsonAsync<JsonObject>(Ct))!);
        Assert.Equal("ok", (await serve.WaitJobDoneAsync(next))["result"]!["result"]!.GetValue<string>());
        Assert.False(serve.HasExited);
    }

    [Fact]
    public async Task ReplacingAShippedReleasedWorkflow_409UnlessAllowOverwriteReleased()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Path);
        var rul = (await serve.Http.GetFromJsonAsync<JsonObject>(new Uri($"/api/transformations/{TestJobs.RulWorkflow}", UriKind.Relative), Ct))!;
        rul["name"] = "Replaced RUL";

        using var refused = await serve.Http.PutAsJsonAsync($"/api/transformations/{TestJobs.RulWorkflow}", rul, Ct);
        using var allowed = await serve.Http.PutAsJsonAsync($"/api/transformations/{TestJobs.RulWorkflow}?allow_overwrite_released=true", rul, Ct);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal($"Update forbidden for transformation with id {TestJobs.RulWorkflow}:\nCannot modify released transformation revision {TestJobs.RulWorkflow}!s",
            (await refused.Content.ReadFromJsonAsync<JsonObject>(Ct))!["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Theory]
    [InlineData(999)]
    [InlineData(1000)]
    public async Task AnyValueNestedAsDeepAsTheWriterGoes_FailureAnsweredOnBothEndpoints_NextJobRuns(int depth)
    {
        using var serve = await ServeProcess.StartAsync(_dir.Path);
        var queued = Guid.NewGuid();

        using var posted = await PostAsync(serve, "/jobs", TestJobs.DeepAny(depth, queued));
        var queuedResult = (await serve.WaitJobDoneAsync(queued))["result"]!;
        using var again = await serve.Http.GetAsync(new Uri($"/jobs/{queued}", UriKind.Relative), Ct);
        using var executed = await PostAsync(serve, "/api/transformations/execute", TestJobs.DeepAny(depth));
        var next = Guid.NewGuid();
        using var nextPosted = await PostAsync(serve, "/jobs", TestJobs.ById(6, next));

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        AssertTooDeep(queuedResult);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, executed.StatusCode);
        AssertTooDeep((await executed.Content.ReadFromJsonAsync<JsonObject>(Ct))!);
        Assert.Equal(6, (await serve.WaitJobDoneAsync(next))["result"]!["output_results_by_output_name"]!["output"]!.GetValue<int>());
        Assert.False(serve.HasExited);
    }

    public void Dispose() => _dir.Dispose();

    private static void AssertNestingFailure(JsonNode result)
    {
        Assert.Equal("failure", result["result"]!.GetValue<string>());
        Assert.Equal("WorkflowParsingException", result["error"]!["type"]!.GetValue<string>());
        Assert.Equal("PARSING_WORKFLOW", result["error"]!["process_stage"]!.GetValue<string>());
        Assert.Contains("a workflow that contains itself", result["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static void AssertTooDeep(JsonNode result)
    {
        Assert.Equal("failure", result["result"]!.GetValue<string>());
        Assert.Equal("PARSING_LOADED_DATA", result["error"]!["process_stage"]!.GetValue<string>());
        Assert.Contains("nested deeper than 900 levels", result["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> PostAsync(ServeProcess serve, string path, string body) =>
        serve.Http.PostAsync(new Uri(path, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
}
