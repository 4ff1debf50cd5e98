using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Runwire.Core.Adapters;
using Runwire.Core.Components;
using Runwire.Core.Contracts;
using Runwire.Core.Engine;
using Runwire.Execution;

namespace Runwire.Benchmarks;

/// <summary>Request bytes for the "Univariate Linear RUL Regression Example" (806df1b9…), as a producer would send them.</summary>
internal static class RulJobs
{
    public const string WorkflowId = "806df1b9-2fc8-4463-943f-3d258c569663";

    /// <summary>The engine over the shipped transformations, as a host builds it.</summary>
    public static JobAnswering Answering() => new(new ExecutionEngine(
        EngineSetup.CreateStore(new RunwireOptions(null, null, [])), ComponentRegistry.Builtin, AdapterRegistry.Empty));

    /// <summary>Request bytes to result bytes, the path of a Kafka job.</summary>
    public static byte[] Answer(JobAnswering answering, byte[] request) =>
        ResultWriter.ToUtf8(answering.AnswerAsync(request, CancellationToken.None).GetAwaiter().GetResult().Result);

    /// <summary>Fails the setup when the job does not succeed, so a benchmark never times a failure path.</summary>
    public static void EnsureOk(JobAnswering answering, byte[] request)
    {
        var answer = answering.AnswerAsync(request, CancellationToken.None).GetAwaiter().GetResult();
        if (!answer.Result.Ok)
        {
            throw new InvalidOperationException($"benchmark job failed: {answer.Result.Error}");
        }
    }

    /// <summary>The workflow's stored test wiring (1000 hourly points), sent explicitly.</summary>
    public static byte[] TestWiring(string transformationsDirectory, bool plots)
    {
        var file = Directory.GetFiles(transformationsDirectory, $"*{WorkflowId}.json", SearchOption.AllDirectories).Single();
        var workflow = JsonNode.Parse(File.ReadAllText(file))!;
        var job = new JsonObject
        {
            ["id"] = WorkflowId,
            ["wiring"] = workflow["test_wiring"]!.DeepClone(),
            ["run_pure_plot_operators"] = plots,
            ["job_id"] = "00000000-0000-0000-0000-000000000005",
        };
        return Encoding.UTF8.GetBytes(job.ToJsonString());
    }

    /// <summary>A decreasing noisy hourly series of <paramref name="points"/> points, inline.</summary>
    public static byte[] Synthetic(int points)
    {
        var series = new StringBuilder("{");
        var start = new DateTime(2020, 5, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < points; i++)
        {
            if (i > 0)
            {
                series.Append(',');
            }
            var value = 2.5 - (i * 1e-4) + (Math.Sin(i) * 0.01);
            series.Append('"').Append(start.AddHours(i).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
                .Append("\":").Append(value.ToString("R", CultureInfo.InvariantCulture));
        }
        series.Append('}');
        var job = new JsonObject
        {
            ["id"] = WorkflowId,
            ["wiring"] = new JsonObject
            {
                ["input_wirings"] = new JsonArray(
                    Input("inp_series", series.ToString()), Input("limit", "1.3"), Input("num_days_forecast", "30")),
                ["output_wirings"] = new JsonArray(),
            },
            ["run_pure_plot_operators"] = false,
        };
        return Encoding.UTF8.GetBytes(job.ToJsonString());
    }

    private static JsonObject Input(string name, string value) => new()
    {
        ["workflow_input_name"] = name,
        ["adapter_id"] = "direct_provisioning",
        ["filters"] = new JsonObject { ["value"] = value },
    };
}
