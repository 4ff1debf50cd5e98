using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Runwire.Ingest.Tests.Support;

namespace Runwire.Ingest.Tests.Telemetry;

/// <summary>A fresh trace per test (so tests cannot see each other's spans) and the jobs the trace tests deliver.</summary>
internal static class Traces
{
    public const string PassThroughString = "2b1b474f-ddf5-1f4d-fec4-17ef9122112b";
    public const string CombineNamedColumns = "45f4f0c1-3fda-4c3b-8187-c590610e6975";

    /// <summary>A sampled W3C traceparent as a producer would put in the Kafka record's header.</summary>
    public static (string Traceparent, string TraceId, string SpanId) New()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var spanId = ActivitySpanId.CreateRandom().ToHexString();
        return ($"00-{traceId}-{spanId}-01", traceId, spanId);
    }

    public static string? TraceIdOf(string? traceparent) =>
        traceparent is not null && ActivityContext.TryParse(traceparent, null, out var context) ? context.TraceId.ToHexString() : null;

    /// <summary>
    /// A job through every step: its input is loaded from the test adapter and its output sent to it. The 40 KiB value
    /// exceeds the inline limit, so the loaded and pending values also go through DaprClient's state calls.
    /// </summary>
    public static byte[] AdapterJob(WorkflowFixture fx, string jobId)
    {
        fx.Adapters.Sources[$"in-{jobId}"] = new string('x', 40 * 1024);
        var job = new JsonObject
        {
            ["id"] = PassThroughString,
            ["job_id"] = jobId,
            ["wiring"] = new JsonObject
            {
                ["input_wirings"] = new JsonArray(Jobs.Stored("input", $"in-{jobId}", "metadata(string)")),
                ["output_wirings"] = new JsonArray(new JsonObject
                {
                    ["workflow_output_name"] = "output", ["adapter_id"] = AdapterService.AdapterId,
                    ["ref_id"] = $"out-{jobId}", ["ref_id_type"] = "SINK", ["ref_key"] = "v", ["type"] = "metadata(string)",
                }),
            },
        };
        return Encoding.UTF8.GetBytes(job.ToJsonString());
    }

    /// <summary>hetida's own example of a component raising (spec §2.5): its stored test wiring feeds a JSON object, not a Series.</summary>
    public static byte[] FailingJob(string jobId) =>
        Encoding.UTF8.GetBytes(new JsonObject { ["id"] = CombineNamedColumns, ["job_id"] = jobId }.ToJsonString());

    /// <summary>Every call the job made to the executor, the adapters and DaprClient carried its trace.</summary>
    public static void AssertEveryCallCarries(WorkflowFixture fx, string traceId)
    {
        var executor = fx.Executor.Requests.ToList();
        var adapters = fx.Adapters.Requests.ToList();
        var dapr = fx.Dapr.Calls.ToList();
        Assert.Equal(["/internal/prepare", "/internal/run"], executor.Select(r => r.Path).Order());
        Assert.Equal(["/internal/load", "/internal/send"], adapters.Select(r => r.Path).Order());
        Assert.Contains(dapr, c => c.Operation == "publish");
        Assert.Contains(dapr, c => c.Operation == "save" && c.Target.EndsWith(":loaded", StringComparison.Ordinal));
        Assert.Contains(dapr, c => c.Operation == "get" && c.Target.EndsWith(":pending", StringComparison.Ordinal));
        Assert.All(executor, r => Assert.Equal(traceId, r.TraceId));
        Assert.All(adapters, r => Assert.Equal(traceId, r.TraceId));
        Assert.All(dapr, c => Assert.True(c.TraceId == traceId, $"DaprClient {c.Operation} {c.Target} ran in trace {c.TraceId ?? "(none)"}"));
    }
}
