using System.Text.Json.Nodes;
using Runwire.Core.Codecs;
using Runwire.Core.Components;
using Runwire.Core.Data;

namespace Runwire.Host.Tests.Support;

/// <summary>Job payloads the tests send, and what their answers must say.</summary>
internal static class TestJobs
{
    /// <summary>hetida's "Pass Through (Integer)" component; its revision group id is its id.</summary>
    public const string PassThroughInt = "57eea09f-d28e-89af-4e81-2027697a3f0f";

    public const string RulWorkflow = "806df1b9-2fc8-4463-943f-3d258c569663";

    public const string RulComponent = "8d61a267-3a71-51cd-2817-48c320469d6b";

    public static string ById(int value, Guid? jobId = null) => Job("id", PassThroughInt, value, jobId);

    public static string LatestByGroup(int value, Guid? jobId = null) => Job("revision_group_id", PassThroughInt, value, jobId);

    public static string RulLegacy() => File.ReadAllText(Paths.Example("rul-legacy.json"));

    /// <summary>
    /// Whether this build's engine parses wired values (the value parser lands in main separately); without it every
    /// pass-through job is answered with a NotImplementedException failure instead of its output.
    /// </summary>
    public static bool EngineParsesValues { get; } = Probe(() => ValueParser.Parse("1", DataType.Int));

    public static bool RulImplemented { get; } = EngineParsesValues
        && ComponentRegistry.Builtin.Find(new Guid(RulComponent)) is { } c && c is not UnsupportedComponent;

    /// <summary>The answer a pass-through job must get: its value back, or (engine without parser) an explained failure.</summary>
    public static void AssertPassedThrough(Received answer, int value)
    {
        var json = answer.Json;
        if (EngineParsesValues)
        {
            Assert.Equal("ok", answer.Result);
            Assert.Equal(value, json["output_results_by_output_name"]!["output"]!.GetValue<int>());
        }
        else
        {
            Assert.Equal("failure", answer.Result);
            Assert.Equal("NotImplementedException", json["error"]!["type"]!.GetValue<string>());
        }
    }

    private static string Job(string idField, string id, int value, Guid? jobId)
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
                    ["filters"] = new JsonObject { ["value"] = value.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                }),
            },
        };
        if (jobId is { } given)
        {
            job["job_id"] = given.ToString();
        }
        return job.ToJsonString();
    }

    private static bool Probe(Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (NotImplementedException)
        {
            return false;
        }
    }
}
