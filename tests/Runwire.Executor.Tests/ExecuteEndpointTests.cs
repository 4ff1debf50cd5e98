using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Runwire.Core.Tests.Support;

namespace Runwire.Executor.Tests;

public sealed class ExecuteEndpointTests(ExecutorFactory factory) : IClassFixture<ExecutorFactory>
{
    private const string PassThroughInteger = "57eea09f-d28e-89af-4e81-2027697a3f0f";
    private const string RulExample = "806df1b9-2fc8-4463-943f-3d258c569663";
    private const string Divide = "6d510037-229e-8e85-56f3-4a3797fdf315";

    [Fact]
    public async Task Execute_ValidComponentJob_Returns200WithHetidaResponse()
    {
        var client = factory.CreateClient();
        var job = new JsonObject
        {
            ["id"] = PassThroughInteger,
            ["wiring"] = Wiring(("input", "42")),
            ["job_id"] = "00000000-0000-0000-0000-000000000042",
        };

        var response = await Post(client, "/api/transformations/execute", job);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();
        Assert.Equal(["error", "output_results_by_output_name", "traceback", "job_id", "measured_steps", "result", "output_types_by_output_name", "process_id"],
            body.Select(kv => kv.Key));
        Assert.Equal("ok", body["result"]!.GetValue<string>());
        Assert.Equal(42, body["output_results_by_output_name"]!["output"]!.GetValue<long>());
        Assert.Equal("00000000-0000-0000-0000-000000000042", body["job_id"]!.GetValue<string>());
    }

    /// <summary>curl's --data sends form encoding, Kafka-style tools send none: the body is read as JSON whatever the header says.</summary>
    [Theory]
    [InlineData("/api/transformations/execute", null)]
    [InlineData("/api/transformations/execute", "text/plain")]
    [InlineData("/api/transformations/execute", "application/x-www-form-urlencoded")]
    [InlineData("/api/transformations/execute-latest", "text/plain")]
    [InlineData("/api/components/" + PassThroughInteger + "/execute", "text/plain")]
    public async Task Execute_BodyWithoutJsonContentType_IsReadAsJson(string path, string? contentType)
    {
        var job = path.StartsWith("/api/components/", StringComparison.Ordinal)
            ? new JsonObject { ["inputWirings"] = new JsonArray(new JsonObject { ["workflowInputName"] = "input", ["adapterId"] = "direct_provisioning", ["filters"] = new JsonObject { ["value"] = "7" } }), ["outputWirings"] = new JsonArray() }
            : new JsonObject { [path.EndsWith("latest", StringComparison.Ordinal) ? "revision_group_id" : "id"] = PassThroughInteger, ["wiring"] = Wiring(("input", "7")) };
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(job.ToJsonString()));
        if (contentType is not null)
        {
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        var response = await factory.CreateClient().PostAsync(path, content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.Equal(7, body!["output_results_by_output_name"]!["output"]!.GetValue<long>());
    }

    [Fact]
    public async Task Execute_UnknownTransformation_Returns404WithHetidaDetail()
    {
        var id = Guid.NewGuid();

        var response = await Post(factory.CreateClient(), "/api/transformations/execute", new JsonObject { ["id"] = id.ToString() });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.Equal($"Could not find transformation revision {id}:\n", body!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Execute_MalformedJson_Returns422WithErrorList()
    {
        var response = await factory.CreateClient().PostAsync("/api/transformations/execute",
            new StringContent("{\"id\": ", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        var first = body!["detail"]!.AsArray()[0]!;
        Assert.False(string.IsNullOrEmpty(first["msg"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Execute_MissingRequiredWiring_Returns422WithValidationText()
    {
        var job = new JsonObject { ["id"] = RulExample, ["wiring"] = Wiring(("limit", "1.3")) };

        var response = await Post(factory.CreateClient(), "/api/transformations/execute", job);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["detail"]!.GetValue<string>();
        Assert.StartsWith("Could not validate execution input", detail, StringComparison.Ordinal);
        Assert.Contains("Wiring Incomplete: Workflow Input 'inp_series' has no wiring!", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteWebForm_CamelCaseWiring_Returns200()
    {
        var form = new JsonObject
        {
            ["inputWirings"] = new JsonArray(new JsonObject
            {
                ["workflowInputName"] = "input", ["adapterId"] = "direct_provisioning", ["filters"] = new JsonObject { ["value"] = "7" },
            }),
            ["outputWirings"] = new JsonArray(),
        };

        var response = await Post(factory.CreateClient(), $"/api/components/{PassThroughInteger}/execute?job_id=00000000-0000-0000-0000-000000000007", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal(7, body["output_results_by_output_name"]!["output"]!.GetValue<long>());
        Assert.Equal("00000000-0000-0000-0000-000000000007", body["job_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Execute_StoredWorkflowThatContainsItself_200FailureAtParsingWorkflowAndTheNextJobRuns()
    {
        // As an import persisted before imports were checked would be: in the data folder, read at start.
        using var stored = new ExecutorFactory();
        var id = Guid.NewGuid();
        Directory.CreateDirectory(Path.Combine(stored.DataDirectory, "transformations"));
        File.WriteAllText(Path.Combine(stored.DataDirectory, "transformations", $"{id}.json"), TrafoJson.Nesting(id, "Ouroboros", id).ToJsonString());
        var client = stored.CreateClient();

        var poisoned = await Post(client, "/api/transformations/execute", new JsonObject { ["id"] = id.ToString(), ["wiring"] = Wiring() });
        var next = await Post(client, "/api/transformations/execute", new JsonObject { ["id"] = PassThroughInteger, ["wiring"] = Wiring(("input", "5")) });

        Assert.Equal(HttpStatusCode.OK, poisoned.StatusCode);
        var failure = (await poisoned.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        Assert.Equal("failure", failure["result"]!.GetValue<string>());
        Assert.Equal("WorkflowParsingException", failure["error"]!["type"]!.GetValue<string>());
        Assert.Equal("PARSING_WORKFLOW", failure["error"]!["process_stage"]!.GetValue<string>());
        Assert.Contains("contains itself", failure["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(5, (await next.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["output_results_by_output_name"]!["output"]!.GetValue<long>());
    }

    [Fact]
    public async Task Execute_ComponentRaises_TracebackNamesTheComponentFrameWithoutDotNetFrames()
    {
        var job = new JsonObject { ["id"] = Divide, ["wiring"] = Wiring(("a", "1"), ("b", "0")) };

        var response = await Post(factory.CreateClient(), "/api/transformations/execute", job);

        var traceback = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["traceback"]!.GetValue<string>();
        Assert.StartsWith("Traceback (most recent call last):\n  File \"COMPONENT CODE\", line ", traceback, StringComparison.Ordinal);
        Assert.Contains("\n    component 'Divide' (Runwire.Core.Components.", traceback, StringComparison.Ordinal);
        Assert.EndsWith("\nZeroDivisionError: division by zero", traceback, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs", traceback, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", traceback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_Always_Returns200()
    {
        var response = await factory.CreateClient().GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_Document_ListsExecuteEndpoints()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonObject>("/openapi/v1.json", TestContext.Current.CancellationToken);

        var paths = document!["paths"]!.AsObject().Select(kv => kv.Key).ToList();
        Assert.Contains("/api/transformations/execute", paths);
        Assert.Contains("/api/transformations/execute-latest", paths);
        Assert.Contains("/api/workflows/{id}/execute", paths);
    }

    internal static JsonObject Wiring(params (string Name, string Value)[] inputs) => new()
    {
        ["input_wirings"] = new JsonArray([.. inputs.Select(i => (JsonNode)new JsonObject
        {
            ["workflow_input_name"] = i.Name, ["adapter_id"] = "direct_provisioning", ["filters"] = new JsonObject { ["value"] = i.Value },
        })]),
        ["output_wirings"] = new JsonArray(),
    };

    internal static Task<HttpResponseMessage> Post(HttpClient client, string path, JsonNode body) =>
        client.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
}
