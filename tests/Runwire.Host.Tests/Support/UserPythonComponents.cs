using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Runwire.Core.Tests.Support;

namespace Runwire.Host.Tests.Support;

/// <summary>
/// Components a hetida user writes in Python, as the designer exports them, the jobs that run them, and the hostile
/// ones: code that hangs, kills its process, exhausts memory or does not load. Hosts run them in Debian's Python.
/// </summary>
internal static class UserPythonComponents
{
    /// <summary>Debian's Python, which has pandas (the pyenv python3 on PATH has not).</summary>
    public const string Executable = "/usr/bin/python3";

    /// <summary>The worker processes the hosts in these tests run.</summary>
    public const int Workers = 2;

    /// <summary>The settings a host needs to run them; a short timeout so the endless loop ends quickly.</summary>
    public static string[] HostArgs { get; } =
        [$"--Runwire:Python:Executable={Executable}", $"--Runwire:Python:Workers={Workers}", "--Runwire:Python:CallTimeoutSeconds=3"];

    public static readonly Guid Scale = Guid.Parse("c0ffee00-5ca1-4e00-8000-000000000001");

    /// <summary>A user's component: a SERIES times a FLOAT, and the sum of the result.</summary>
    public static JsonObject ScaleComponent()
    {
        var component = TrafoJson.Component(Scale, "Scale my series", [("series", "SERIES", null), ("factor", "FLOAT", null)],
            [("scaled", "SERIES"), ("total", "FLOAT")]);
        component["content"] = """
            from hdutils import parse_default_value  # noqa: F401

            def main(*, series, factor):
                scaled = series * factor
                print("scaling", len(series), "values")
                return {"scaled": scaled, "total": float(scaled.sum())}
            """;
        return component;
    }

    /// <summary>Hostile code, each as an INT → INT component, with the one failure a job running it must get.</summary>
    public static IReadOnlyDictionary<string, Hostile> HostileCode { get; } = new Dictionary<string, Hostile>
    {
        ["endless loop"] = new(Guid.Parse("c0ffee00-0bad-4e00-8000-000000000001"), """
            def main(*, x):
                while True:
                    x += 1
            """, "ComponentTimeoutError", "EXECUTING_COMPONENT_CODE"),
        ["os._exit(1)"] = new(Guid.Parse("c0ffee00-0bad-4e00-8000-000000000002"), """
            import os

            def main(*, x):
                os._exit(1)
            """, "WorkerCrashedError", "EXECUTING_COMPONENT_CODE"),
        ["10 GB allocation"] = new(Guid.Parse("c0ffee00-0bad-4e00-8000-000000000003"), """
            def main(*, x):
                block = bytearray(10 * 1024 ** 3)
                return {"y": len(block)}
            """, "MemoryError", "EXECUTING_COMPONENT_CODE"),
        ["syntax error"] = new(Guid.Parse("c0ffee00-0bad-4e00-8000-000000000004"), """
            def main(*, x):
                return {"y": x +
            """, "NodeFunctionLoadingError", "PARSING_WORKFLOW"),
        ["missing module"] = new(Guid.Parse("c0ffee00-0bad-4e00-8000-000000000005"), """
            import no_such_module_anywhere

            def main(*, x):
                return {"y": x}
            """, "NodeFunctionLoadingError", "PARSING_WORKFLOW"),
    };

    public static TheoryData<string> HostileKinds => [.. HostileCode.Keys];

    /// <summary>Every component above, as one import.</summary>
    public static JsonArray All() => [ScaleComponent(), .. HostileCode.Select(h => (JsonNode)h.Value.Component(h.Key))];

    /// <summary>Imports them over HTTP, as a user uploads components to a running host.</summary>
    public static async Task ImportAsync(HttpClient http)
    {
        using var response = await http.PostAsJsonAsync(new Uri("/api/transformations", UriKind.Relative), All()).ConfigureAwait(false);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync().ConfigureAwait(false));
    }

    /// <summary>An ExecByIdInput running <see cref="Scale"/> on a two-point series.</summary>
    public static string ScaleJob(double factor, Guid? jobId = null) => Job(Scale, jobId,
        ("series", """{"2020-01-01T00:00:00Z": 1.5, "2020-01-02T00:00:00Z": 2.5}"""),
        ("factor", factor.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The result of <see cref="ScaleJob"/>: ok, the scaled series and its total.</summary>
    public static void AssertScaled(JsonObject result, double factor)
    {
        Assert.True(result["result"]!.GetValue<string>() == "ok", result.ToJsonString());
        var outputs = result["output_results_by_output_name"]!;
        var scaled = outputs["scaled"]!["__data__"]!;
        Assert.Equal(["2020-01-01T00:00:00.000Z", "2020-01-02T00:00:00.000Z"], scaled["index"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal([1.5 * factor, 2.5 * factor], scaled["data"]!.AsArray().Select(v => v!.GetValue<double>()));
        Assert.Equal(4.0 * factor, outputs["total"]!.GetValue<double>());
    }

    /// <summary>An ExecByIdInput with direct-provisioning inputs.</summary>
    public static string Job(Guid id, Guid? jobId, params (string Name, string Value)[] inputs) => new JsonObject
    {
        ["id"] = id.ToString(),
        ["job_id"] = (jobId ?? Guid.NewGuid()).ToString(),
        ["wiring"] = new JsonObject
        {
            ["input_wirings"] = new JsonArray([.. inputs.Select(i => (JsonNode)new JsonObject
            {
                ["workflow_input_name"] = i.Name,
                ["adapter_id"] = "direct_provisioning",
                ["filters"] = new JsonObject { ["value"] = i.Value },
            })]),
        },
    }.ToJsonString();

    /// <summary>One hostile component: its code and the failure (hetida's error type and stage) its job gets.</summary>
    internal sealed record Hostile(Guid Id, string Code, string ErrorType, string Stage)
    {
        public JsonObject Component(string kind)
        {
            // hetida's names allow letters, digits, spaces and a few signs only.
            var name = "Hostile " + new string([.. kind.Select(c => char.IsLetterOrDigit(c) ? c : ' ')]);
            var component = TrafoJson.Component(Id, name, [("x", "INT", null)], [("y", "INT")]);
            component["content"] = Code;
            return component;
        }

        public string Job(Guid? jobId = null) => UserPythonComponents.Job(Id, jobId, ("x", "1"));

        /// <summary>The one answer its job got: a failure of this kind, naming the component.</summary>
        public void AssertFailed(JsonObject result)
        {
            Assert.True(result["result"]!.GetValue<string>() == "failure", result.ToJsonString());
            var error = result["error"]!;
            Assert.Equal(ErrorType, error["type"]!.GetValue<string>());
            Assert.Equal(Stage, error["process_stage"]!.GetValue<string>());
            // Code that does not load is answered as hetida does: no operator info, the component's id in the message.
            if (error["operator_info"] is { } info)
            {
                Assert.Equal(Id.ToString(), info["transformation_info"]!["id"]!.GetValue<string>());
            }
            else
            {
                Assert.Contains($"Component uuid: {Id}", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
            }
        }
    }
}
