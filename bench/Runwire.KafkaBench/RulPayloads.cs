using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Runwire.Host.Tests.Support;

namespace Runwire.KafkaBench;

/// <summary>ExecByIdInput jobs for the "Univariate Linear RUL Regression Example", with a job id placeholder.</summary>
internal static class RulPayloads
{
    public const string JobIdPlaceholder = "{JOB_ID}";
    private const string WorkflowId = "806df1b9-2fc8-4463-943f-3d258c569663";

    /// <summary>The seed document's 1000-point test series (examples/rul-exec-by-id.json), byte for byte.</summary>
    public static string TestSeries() =>
        File.ReadAllText(Paths.Example("rul-exec-by-id.json")).Replace("00000000-0000-0000-0000-000000000005", JobIdPlaceholder, StringComparison.Ordinal);

    /// <summary>A decreasing hourly series of <paramref name="points"/> points with limit 1.3 and 30 days forecast.</summary>
    public static string Synthetic(int points)
    {
        var series = new StringBuilder("{");
        var start = new DateTime(2020, 5, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < points; i++)
        {
            series.Append(i > 0 ? "," : "").Append('"').Append(start.AddHours(i).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
                .Append("\":").Append((2.5 - (i * 0.01)).ToString("R", CultureInfo.InvariantCulture));
        }
        series.Append('}');
        var job = new JsonObject
        {
            ["id"] = WorkflowId,
            ["wiring"] = new JsonObject
            {
                ["input_wirings"] = new JsonArray(Input("inp_series", series.ToString()), Input("limit", "1.3"), Input("num_days_forecast", "30")),
            },
            ["run_pure_plot_operators"] = false,
            ["job_id"] = JobIdPlaceholder,
        };
        return job.ToJsonString();
    }

    private static JsonObject Input(string name, string value) => new()
    {
        ["workflow_input_name"] = name,
        ["adapter_id"] = "direct_provisioning",
        ["filters"] = new JsonObject { ["value"] = value },
    };
}
