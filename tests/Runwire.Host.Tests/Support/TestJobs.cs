using System.Text.Json.Nodes;

namespace Runwire.Host.Tests.Support;

/// <summary>Job payloads the tests send, and what their answers must say.</summary>
internal static class TestJobs
{
    /// <summary>hetida's "Pass Through (Integer)" component; its revision group id is its id.</summary>
    public const string PassThroughInt = "57eea09f-d28e-89af-4e81-2027697a3f0f";

    public const string RulWorkflow = "806df1b9-2fc8-4463-943f-3d258c569663";

    /// <summary>hetida's "Pass Through" component: one ANY input, one ANY output.</summary>
    public const string PassThroughAny = "1946d5f8-44a8-724c-176f-16f3e49963af";

    public static string ById(int value, Guid? jobId = null) => Job("id", PassThroughInt, Text(value), jobId);

    public static string LatestByGroup(int value, Guid? jobId = null) => Job("revision_group_id", PassThroughInt, Text(value), jobId);

    /// <summary>"Pass Through" of an ANY value nested <paramref name="depth"/> lists deep, as JSON text the way hetida's filters carry values.</summary>
    public static string DeepAny(int depth, Guid? jobId = null) =>
        Job("id", PassThroughAny, new string('[', depth) + new string(']', depth), jobId);

    /// <summary>A job for a transformation without inputs (e.g. a workflow that only nests others).</summary>
    public static string NoInputs(Guid id, Guid? jobId = null) => new JsonObject
    {
        ["id"] = id.ToString(),
        ["job_id"] = (jobId ?? Guid.NewGuid()).ToString(),
        ["wiring"] = new JsonObject { ["input_wirings"] = new JsonArray(), ["output_wirings"] = new JsonArray() },
    }.ToJsonString();

    /// <summary>hetida's "Divide" component with 1 / 0: its component code raises ZeroDivisionError.</summary>
    public static string DivideByZero(Guid? jobId = null) => new JsonObject
    {
        ["id"] = "6d510037-229e-8e85-56f3-4a3797fdf315",
        ["job_id"] = (jobId ?? Guid.NewGuid()).ToString(),
        ["wiring"] = new JsonObject
        {
            ["input_wirings"] = new JsonArray(
                new JsonObject { ["workflow_input_name"] = "a", ["adapter_id"] = "direct_provisioning", ["filters"] = new JsonObject { ["value"] = "1" } },
                new JsonObject { ["workflow_input_name"] = "b", ["adapter_id"] = "direct_provisioning", ["filters"] = new JsonObject { ["value"] = "0" } }),
        },
    }.ToJsonString();

    public static string RulLegacy() => File.ReadAllText(Paths.Example("rul-legacy.json"));

    /// <summary>The answer a pass-through job must get: "ok" and its value back.</summary>
    public static void AssertPassedThrough(Received answer, int value)
    {
        Assert.Equal("ok", answer.Result);
        Assert.Equal(value, answer.Json["output_results_by_output_name"]!["output"]!.GetValue<int>());
    }

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Job(string idField, string id, string value, Guid? jobId)
    {
        var job = new JsonObject
        {
            [idField] = id,
            ["wiring"] = new JsonObject
            {
                ["input_wirings"] = new JsonArray(new JsonObject
                {
                    ["workflow_input_name"] = "input",
                    ["adapter_id"] = "direct_provisioning",
                    ["filters"] = new JsonObject { ["value"] = value },
                }),
            },
        };
        if (jobId is { } given)
        {
            job["job_id"] = given.ToString();
        }
        return job.ToJsonString();
    }
}
