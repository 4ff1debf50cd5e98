using System.Diagnostics;
using System.Globalization;
using System.Text;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Trace;
using Runwire.Core.Engine;
using Runwire.Core.Telemetry;
using Runwire.Host.Tests.Support;
using Runwire.KafkaBench;

namespace Runwire.Benchmarks;

/// <summary>
/// <c>-- --tracing-cpu [jobs]</c>: the process CPU time one small RUL job (10 points) costs with tracing off, with
/// spans recorded but not exported, with spans batched to an exporter that discards them, and exported over OTLP/HTTP
/// to a collector in this process that only keeps the bodies. CPU time of all threads, so the export thread counts.
/// </summary>
internal static class TracingCpu
{
    public static async Task RunAsync(int jobs)
    {
        var answering = RulJobs.Answering();
        // The Kafka benchmark's 10-point job, with one job id for all (the engine does not care).
        var payload = Encoding.UTF8.GetBytes(RulPayloads.Synthetic(10).Replace(RulPayloads.JobIdPlaceholder, Guid.NewGuid().ToString(), StringComparison.Ordinal));
        var bodies = new List<byte[]>();
        await using var collector = await HttpCollector.StartAsync("/v1/traces", b => { lock (bodies) { bodies.Add(b); } });
        Console.WriteLine($"{jobs} jobs per mode, {Environment.ProcessorCount} cores");
        foreach (var mode in new[] { "off", "recorded", "batched-discard", "otlp-http", "off", "recorded", "batched-discard", "otlp-http" })
        {
            var builder = Sdk.CreateTracerProviderBuilder().AddSource(RunwireTelemetry.Name).SetSampler(new AlwaysOnSampler());
            using var provider = mode switch
            {
                "recorded" => builder.Build(),
                "batched-discard" => builder.AddProcessor(new BatchActivityExportProcessor(new DiscardingExporter())).Build(),
                "otlp-http" => builder.AddOtlpExporter(o =>
                {
                    o.Endpoint = new Uri(collector.Address + "/v1/traces");
                    o.Protocol = OtlpExportProtocol.HttpProtobuf;
                    o.BatchExportProcessorOptions.MaxQueueSize = 16_384;
                }).Build(),
                _ => null,
            };
            Run(answering, payload, 10_000);
            GC.Collect();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            Run(answering, payload, jobs);
            provider?.ForceFlush();
            var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{mode,-16} {used.TotalMicroseconds / jobs,7:F1} µs CPU per job, {wall.Elapsed.TotalMicroseconds / jobs,7:F1} µs wall per job"));
        }
        Console.WriteLine($"collector received {bodies.Count} exports");
    }

    private static void Run(JobAnswering answering, byte[] payload, int jobs)
    {
        for (var i = 0; i < jobs; i++)
        {
            using var root = RunwireTelemetry.Start("process jobs", ActivityKind.Consumer);
            root?.SetTag(RunwireTelemetry.Tags.JobId, "job");
            RulJobs.Answer(answering, payload);
            using var publish = RunwireTelemetry.Start("publish results", ActivityKind.Producer);
        }
    }
}
