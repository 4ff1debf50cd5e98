using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Runwire.Host.Tests.Support;

/// <summary>Jobs at and beyond the host's limits (docs/limits.md), built from the shipped RUL example job.</summary>
internal static class LimitJobs
{
    /// <summary>
    /// The issue's probe: the RUL example (42 KB) forecasting <paramref name="days"/> days at its 5-minute frequency
    /// with plots on, i.e. about 288 prediction points a day, all of them drawn.
    /// </summary>
    public static string RulForecast(int days, Guid? jobId = null)
    {
        var job = JsonNode.Parse(File.ReadAllText(Paths.Example("rul-exec-by-id.json")))!.AsObject();
        foreach (var wiring in job["wiring"]!["input_wirings"]!.AsArray())
        {
            if (wiring!["workflow_input_name"]!.GetValue<string>() == "num_days_forecast")
            {
                wiring["filters"]!["value"] = days.ToString(CultureInfo.InvariantCulture);
            }
        }
        job["run_pure_plot_operators"] = true;
        job["job_id"] = (jobId ?? Guid.NewGuid()).ToString();
        return job.ToJsonString();
    }

    /// <summary>The RUL example on a series of <paramref name="points"/> 5-minute points (plots off), as ExecByIdInput.</summary>
    public static string RulOnPoints(int points, Guid jobId)
    {
        var series = new StringBuilder(points * 40).Append('{');
        var start = new DateTime(2020, 5, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < points; i++)
        {
            series.Append(i == 0 ? "\"" : ",\"")
                .Append(start.AddMinutes(5 * i).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture))
                .Append("\":")
                .Append((3.0 - i * 1e-6).ToString("R", CultureInfo.InvariantCulture));
        }
        series.Append('}');
        return new JsonObject
        {
            ["id"] = TestJobs.RulWorkflow,
            ["job_id"] = jobId.ToString(),
            ["wiring"] = new JsonObject
            {
                ["input_wirings"] = new JsonArray(
                    Direct("inp_series", series.ToString()), Direct("limit", "1.3"), Direct("num_days_forecast", "30")),
            },
        }.ToJsonString();
    }

    /// <summary>hetida's "Pass Through" (ANY) of a string of <paramref name="length"/> characters.</summary>
    public static string PassThroughString(int length, Guid jobId) => new JsonObject
    {
        ["id"] = TestJobs.PassThroughAny,
        ["job_id"] = jobId.ToString(),
        ["wiring"] = new JsonObject { ["input_wirings"] = new JsonArray(Direct("input", "\"" + new string('x', length) + "\"")) },
    }.ToJsonString();

    /// <summary>What a process holds now and at most so far, from /proc (bytes).</summary>
    public static (long Resident, long Peak) Memory(int processId)
    {
        long Read(string[] lines, string key) =>
            long.Parse(lines.Single(l => l.StartsWith(key, StringComparison.Ordinal))[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        var status = File.ReadAllLines($"/proc/{processId}/status");
        return (Read(status, "VmRSS:"), Read(status, "VmHWM:"));
    }

    private static JsonObject Direct(string name, string value) => new()
    {
        ["workflow_input_name"] = name,
        ["adapter_id"] = "direct_provisioning",
        ["filters"] = new JsonObject { ["value"] = value },
    };
}
