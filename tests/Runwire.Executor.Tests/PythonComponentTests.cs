using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Runwire.Executor.Tests;

/// <summary>The executor service of the Dapr mode runs a user's Python components, with the same settings as every host.</summary>
public sealed class PythonComponentTests
{
    private const string PassThroughString = "2b1b474f-ddf5-1f4d-fec4-17ef9122112b";

    [Fact]
    public async Task ImportedPythonComponent_Execute_AnswersWithWhatItsCodeReturned()
    {
        using var factory = new ExecutorFactory
        {
            // Debian's Python has pandas; the pyenv python3 on PATH has not.
            Settings = new Dictionary<string, string> { ["Runwire:Python:Executable"] = "/usr/bin/python3", ["Runwire:Python:Workers"] = "1" },
        };
        var client = factory.CreateClient();
        // A user's revision of "Pass Through (String)" with their own Python code.
        var component = (await client.GetFromJsonAsync<JsonObject>($"/api/transformations/{PassThroughString}", TestContext.Current.CancellationToken))!;
        var id = Guid.NewGuid().ToString();
        component["id"] = id;
        component["revision_group_id"] = id;
        component["content"] = """
            import sys

            def main(*, input):
                return {"output": f"{input.upper()} from Python {sys.version_info.major}"}
            """;

        using var imported = await client.PostAsJsonAsync("/api/transformations", component, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        using var executed = await ExecuteEndpointTests.Post(client, "/api/transformations/execute", new JsonObject
        {
            ["id"] = id,
            ["wiring"] = ExecuteEndpointTests.Wiring(("input", "hello")),
        });

        Assert.Equal(HttpStatusCode.OK, executed.StatusCode);
        var result = (await executed.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        Assert.True(result["result"]!.GetValue<string>() == "ok", result.ToJsonString());
        Assert.Equal("HELLO from Python 3", result["output_results_by_output_name"]!["output"]!.GetValue<string>());
    }
}
