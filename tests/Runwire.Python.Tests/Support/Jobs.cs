using System.Text;
using System.Text.Json.Nodes;
using Runwire.Core.Contracts;
using Runwire.Core.Engine;
using Runwire.Core.Transformations;

namespace Runwire.Python.Tests.Support;

/// <summary>
/// Sends jobs the way a hetida client does (an ExecByIdInput payload through <see cref="JobAnswering"/>, every wired
/// value a string) and reads the answer as the JSON that would be published.
/// </summary>
internal static class Jobs
{
    public static JsonObject Request(Guid id, params (string Input, string Value)[] inputs) => new()
    {
        ["id"] = id.ToString(),
        ["wiring"] = new JsonObject
        {
            ["input_wirings"] = new JsonArray([.. inputs.Select(i => (JsonNode)new JsonObject
            {
                ["workflow_input_name"] = i.Input,
                ["adapter_id"] = "direct_provisioning",
                ["filters"] = new JsonObject { ["value"] = i.Value },
            })]),
            ["output_wirings"] = new JsonArray(),
        },
        ["run_pure_plot_operators"] = true,
        ["job_id"] = Guid.NewGuid().ToString(),
    };

    public static Task<JsonObject> AnswerAsync(ExecutionEngine engine, Guid id, params (string Input, string Value)[] inputs) =>
        AnswerAsync(engine, Request(id, inputs));

    public static Task<JsonObject> AnswerAsync(ExecutionEngine engine, JsonObject request) =>
        AnswerUnlessCancelledAsync(engine, request, TestContext.Current.CancellationToken);

    /// <summary>Answers one job; hetida's runtime must have run it (no 404/422-like refusal).</summary>
    public static async Task<JsonObject> AnswerUnlessCancelledAsync(ExecutionEngine engine, JsonObject request, CancellationToken ct)
    {
        var payload = Encoding.UTF8.GetBytes(request.ToJsonString());
        var answer = await new JobAnswering(engine).AnswerAsync(payload, ct);
        Assert.True(answer.Kind == JobAnswerKind.Executed, $"the job was refused ({answer.Kind}): {answer.HttpDetail}");
        return JsonNode.Parse(ResultWriter.ToUtf8(answer.Result))!.AsObject();
    }

    /// <summary>The outputs of an answer that must be "ok" (the assertion shows the error otherwise).</summary>
    public static JsonObject Outputs(JsonObject result)
    {
        Assert.True(result["result"]!.GetValue<string>() == "ok", $"expected ok, got {result["error"]?.ToJsonString()}\n{result["traceback"]}");
        return result["output_results_by_output_name"]!.AsObject();
    }

    /// <summary>The error of an answer that must be a "failure" without outputs.</summary>
    public static JsonObject Error(JsonObject result)
    {
        Assert.True(result["result"]!.GetValue<string>() == "failure", $"expected a failure, got {result.ToJsonString()}");
        Assert.Empty(result["output_results_by_output_name"]!.AsObject());
        return result["error"]!.AsObject();
    }

    /// <summary>A store holding the given exports (components and workflows in hetida's export format).</summary>
    public static TransformationStore Store(params JsonObject[] exports)
    {
        var store = new TransformationStore();
        foreach (var export in exports)
        {
            store.Import(TransformationReader.Read(export, export["name"]!.GetValue<string>()));
        }
        return store;
    }
}
