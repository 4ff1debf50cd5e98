using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Runwire.PythonBench;

/// <summary>Request bytes (hetida's ExecByIdInput) as a producer sends them: the series inline, by direct provisioning.</summary>
internal static class Requests
{
    /// <summary>The workflow on a noisy hourly series of <paramref name="points"/> points, rolling window 24.</summary>
    public static byte[] Workflow(int points) => Job(BenchTransformations.WorkflowId, ("series", Series(points)), ("window", "24"));

    /// <summary>The CPU-bound component run on its own (hetida wraps it in a workflow, so does Runwire).</summary>
    public static byte[] ZScore(int points) => Job(BenchTransformations.ZScoreId, ("series", Series(points)));

    private static string Series(int points)
    {
        var series = new StringBuilder("{");
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < points; i++)
        {
            if (i > 0)
            {
                series.Append(',');
            }
            var value = 20 + (5 * Math.Sin(i / 24.0 * 2 * Math.PI)) + (0.5 * Math.Sin(i * 7.3));
            series.Append('"').Append(start.AddHours(i).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
                .Append("\":").Append(value.ToString("R", CultureInfo.InvariantCulture));
        }
        return series.Append('}').ToString();
    }

    private static byte[] Job(Guid id, params (string Name, string Value)[] inputs)
    {
        var job = new JsonObject
        {
            ["id"] = id.ToString(),
            ["wiring"] = new JsonObject
            {
                ["input_wirings"] = new JsonArray([.. inputs.Select(i => (JsonNode)new JsonObject
                {
                    ["workflow_input_name"] = i.Name,
                    ["adapter_id"] = "direct_provisioning",
                    ["filters"] = new JsonObject { ["value"] = i.Value },
                })]),
                ["output_wirings"] = new JsonArray(),
            },
            ["run_pure_plot_operators"] = false,
            ["job_id"] = "00000000-0000-0000-0000-00000000b0b0",
        };
        return Encoding.UTF8.GetBytes(job.ToJsonString());
    }
}
