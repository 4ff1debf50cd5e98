using System.Text.Json.Nodes;
using Runwire.Core.Tests.Support;

namespace Runwire.Python.Tests.Support;

/// <summary>
/// Compares an answer with the one hetida's own code gave (an <c>expected</c> object of runtime-components.json): result,
/// job id, output types, outputs within the tolerance, and the error's type, stage, message, code and extra information.
/// Outputs hetida marks as not golden (plotly figures, whose JSON depends on the plotly version) are compared by shape.
/// </summary>
internal static class HetidaAnswer
{
    public static void AssertSame(JsonObject expected, JsonObject actual, double tolerance)
    {
        var error = actual["error"]?.ToJsonString() ?? "null";
        Assert.True(expected["result"]!.GetValue<string>() == actual["result"]!.GetValue<string>(),
            $"result: expected {expected["result"]}, got {actual["result"]} with error {error}\n{actual["traceback"]}");
        Assert.Equal(expected["job_id"]!.GetValue<string>(), actual["job_id"]!.GetValue<string>());
        JsonAssert.Equivalent(expected["output_types_by_output_name"], actual["output_types_by_output_name"], 0, "output_types_by_output_name");
        AssertOutputs(expected, actual["output_results_by_output_name"]!.AsObject(), tolerance);
        GoldenCases.AssertErrorFields(expected["error"], actual["error"]);
    }

    private static void AssertOutputs(JsonObject expected, JsonObject actual, double tolerance)
    {
        var notGolden = (expected["not_golden_outputs"] as JsonArray ?? []).Select(n => n!.GetValue<string>()).ToHashSet();
        var notStored = expected["not_stored_outputs"] as JsonObject;
        var outputs = expected["output_results_by_output_name"]!.AsObject();
        Assert.Equal(outputs.Select(kv => kv.Key).Order(), actual.Select(kv => kv.Key).Order());
        foreach (var (name, value) in outputs)
        {
            if (!notGolden.Contains(name))
            {
                JsonAssert.Equivalent(value, actual[name], tolerance, name);
                continue;
            }
            var keys = value is JsonObject stored ? stored.Select(kv => kv.Key)
                : notStored?[name]?["top_level_keys"]?.AsArray().Select(k => k!.GetValue<string>());
            var got = Assert.IsType<JsonObject>(actual[name]);
            Assert.Equal(keys!.Order(), got.Select(kv => kv.Key).Order());
            if (value?["data"] is JsonArray traces)
            {
                Assert.Equal(traces.Count, got["data"]!.AsArray().Count);
            }
        }
    }
}
