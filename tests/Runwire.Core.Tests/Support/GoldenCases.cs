using System.Text;
using System.Text.Json.Nodes;
using Runwire.Core.Contracts;
using Runwire.Core.Engine;

namespace Runwire.Core.Tests.Support;

/// <summary>
/// hetida's golden cases (../shared/hetida/cases) and the check that an engine answers one like hetida: shared by the
/// C# runs here and the Python runner's runs in Runwire.Python.Tests.
/// </summary>
internal static class GoldenCases
{
    public static TheoryData<string> Names { get; } = [.. Directory.GetFiles(SharedPaths.HetidaCases, "*.json")
        .Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)];

    public static async Task AssertCaseAsync(ExecutionEngine engine, string caseName)
    {
        var testCase = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(SharedPaths.HetidaCases, caseName + ".json")))!.AsObject();
        var expected = testCase["expected"]!.AsObject();
        var tolerance = testCase["tolerance"]?.GetValue<double>() ?? 1e-9;
        var request = Encoding.UTF8.GetBytes(testCase["request"]!.ToJsonString());

        var answer = await new JobAnswering(engine).AnswerAsync(request, TestContext.Current.CancellationToken);

        if (expected["kafka"]?["publishes_response"]?.GetValue<bool>() == false)
        {
            // hetida rejects these before its runtime (404/422); Runwire still answers, with the same error type.
            Assert.Equal(expected["web"]!["status"]!.GetValue<int>(), answer.HttpStatus);
            Assert.Equal("failure", ResultJson(answer)["result"]!.GetValue<string>());
            Assert.Equal(expected["error_type"]!.GetValue<string>(), answer.Result.Error!.Type);
            return;
        }
        Assert.Equal(JobAnswerKind.Executed, answer.Kind);
        var actual = ResultJson(answer);
        Assert.Equal(expected["result"]!.GetValue<string>(), actual["result"]!.GetValue<string>());
        Assert.Equal(expected["job_id"]!.GetValue<string>(), actual["job_id"]!.GetValue<string>());
        JsonAssert.Equivalent(expected["output_types_by_output_name"], actual["output_types_by_output_name"], 0);
        AssertOutputs(expected, actual, tolerance);
        AssertError(expected["error"], actual["error"]);
        var setSteps = actual["measured_steps"]!.AsObject().Where(kv => kv.Value is not null).Select(kv => kv.Key).Order();
        Assert.Equal(expected["observed_measured_steps_keys_set"]!.AsArray().Select(n => n!.GetValue<string>()).Order(), setSteps);
    }

    private static JsonObject ResultJson(JobAnswer answer) => JsonNode.Parse(ResultWriter.ToUtf8(answer.Result))!.AsObject();

    private static void AssertOutputs(JsonObject expected, JsonObject actual, double tolerance)
    {
        var notGolden = (expected["not_golden_outputs"] as JsonArray ?? []).Select(n => n!.GetValue<string>()).ToHashSet();
        var expectedOutputs = expected["output_results_by_output_name"]!.AsObject();
        var actualOutputs = actual["output_results_by_output_name"]!.AsObject();
        Assert.Equal(expectedOutputs.Select(kv => kv.Key).Order(), actualOutputs.Select(kv => kv.Key).Order());
        foreach (var (name, value) in expectedOutputs)
        {
            if (notGolden.Contains(name))
            {
                // plotly-version dependent: only the figure shape is golden
                var figure = Assert.IsType<JsonObject>(actualOutputs[name]);
                Assert.True(figure.ContainsKey("data") && figure.ContainsKey("layout"), $"{name} is not a plotly figure");
                continue;
            }
            JsonAssert.Equivalent(value, actualOutputs[name], tolerance, name);
        }
    }

    /// <summary>The error fields hetida's cases compare exactly: type, stage, message, code and extra information.</summary>
    public static void AssertErrorFields(JsonNode? expected, JsonNode? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
            return;
        }
        Assert.NotNull(actual);
        foreach (var key in new[] { "type", "process_stage", "message", "error_code", "extra_information" })
        {
            JsonAssert.Equivalent(expected[key], actual[key], 0, $"error.{key}");
        }
    }

    private static void AssertError(JsonNode? expected, JsonNode? actual)
    {
        AssertErrorFields(expected, actual);
        if (expected is null || actual is null)
        {
            return;
        }
        var expectedInfo = expected["operator_info"];
        if (expectedInfo is null)
        {
            Assert.Null(actual["operator_info"]);
            return;
        }
        JsonAssert.Equivalent(expectedInfo["transformation_info"], actual["operator_info"]!["transformation_info"], 0, "transformation_info");
        JsonAssert.Equivalent(expectedInfo["hierarchy_in_workflow"]!["by_name"], actual["operator_info"]!["hierarchy_in_workflow"]!["by_name"], 0, "by_name");
        var expectedIds = expectedInfo["hierarchy_in_workflow"]!["by_id"]!.AsArray();
        var actualIds = actual["operator_info"]!["hierarchy_in_workflow"]!["by_id"]!.AsArray();
        Assert.Equal(expectedIds.Count, actualIds.Count);
        for (var i = 0; i < expectedIds.Count; i++)
        {
            var id = expectedIds[i]!.GetValue<string>();
            Assert.True(id.StartsWith('<') ? Guid.TryParse(actualIds[i]!.GetValue<string>(), out _) : id == actualIds[i]!.GetValue<string>(),
                $"by_id[{i}]: expected {id}, got {actualIds[i]}");
        }
    }
}
