using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Confluent.Kafka;
using Runwire.Host.Tests.Support;

namespace Runwire.KafkaBench;

/// <summary>
/// Produce-to-result round trips through the test broker and one <c>runwire serve</c>: latency is measured from the
/// moment a job is handed to the producer to the moment its result is read back, by key.
/// </summary>
internal static class KafkaRoundTrip
{
    private const int WarmUpSlice = 10_000;
    private const int WarmUpLimit = 300_000;
    private const double SettledJitShare = 0.02;

    public static async Task<ScenarioResult> RunAsync(Scenario scenario, int jobs, OtlpSink? tracingTo = null, bool recordOnly = false)
    {
        var mode = tracingTo is null ? "" : recordOnly ? ", spans recorded, not exported" : ", tracing on (OTLP, sampling 1)";
        Console.WriteLine($"\n== {scenario.Name}: {scenario.PayloadBytes} bytes per job, window {scenario.Window}{mode}");
        using var broker = new TestBroker();
        using var data = new TempDirectory();
        // BENCH_HOST_<NAME>=<value> in the benchmark's environment reaches the host as <NAME>=<value>, e.g. a runtime setting to try.
        var environment = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith("BENCH_HOST_", StringComparison.Ordinal))
            .ToDictionary(k => k["BENCH_HOST_".Length..], k => Environment.GetEnvironmentVariable(k)!);
        if (tracingTo is not null)
        {
            // What a user sets to send every span to a collector. With --record-only the spans are created and sampled
            // but go nowhere, which separates what recording costs from what exporting costs.
            if (recordOnly)
            {
                environment["Telemetry__Traces__Enabled"] = "true";
                environment["Telemetry__Traces__Exporters"] = "none";
            }
            else
            {
                environment["Telemetry__Traces__Exporters"] = "otlp";
            }
            environment["Telemetry__Traces__SamplingRatio"] = "1";
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = tracingTo.Address;
            environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            tracingTo.Reset();
        }
        using var serve = await ServeProcess.StartAsync(data.Path, broker.Bootstrap, "bench", environment, "--Logging:LogLevel:Runwire=Warning");
        await serve.WaitAssignedAsync(TestBroker.Partitions);

        using var producer = new ProducerBuilder<string, string>(new ProducerConfig
        {
            BootstrapServers = broker.Bootstrap, EnableIdempotence = true, Acks = Acks.All, LingerMs = 1,
        }).Build();
        using var reader = new ResultReader(broker.Bootstrap);

        var (warmed, runtimeBefore) = await WarmUpAsync(scenario, serve, producer, reader);
        Console.WriteLine($"host pid {serve.ProcessId}");
        using var host = Process.GetProcessById(serve.ProcessId);
        var cpuBefore = host.TotalProcessorTime;
        var benchBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var (seconds, latencies, ok) = await RunBatchAsync(scenario, producer, reader, "run", jobs);
        host.Refresh();
        var cpuPerJob = (host.TotalProcessorTime - cpuBefore).TotalMicroseconds / jobs;
        var benchPerJob = (Process.GetCurrentProcess().TotalProcessorTime - benchBefore).TotalMicroseconds / jobs;
        var runtime = (await HostRuntime.ReadAsync(serve)).Since(runtimeBefore);
        latencies.Sort();
        var result = new ScenarioResult(scenario, jobs, ok, seconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies[^1])
        {
            HostCpuMicrosPerJob = cpuPerJob,
        };
        Console.WriteLine($"{jobs} jobs in {seconds:F2} s: {jobs / seconds:F0} jobs/s, p50 {result.P50:F1} ms, p99 {result.P99:F1} ms, {ok} ok, "
            + $"host CPU {cpuPerJob:F0} µs per job ({runtime.Describe(jobs, seconds)}), "
            + $"benchmark process (client and collector) {benchPerJob:F0} µs per job");
        if (tracingTo is not null)
        {
            // The batch exporter sends every few seconds: wait until the spans stop coming, then check none were dropped.
            long seen;
            do
            {
                seen = tracingTo.Spans;
                await Task.Delay(TimeSpan.FromSeconds(6));
            }
            while (tracingTo.Spans != seen);
            result = result with { SpansPerJob = (double)tracingTo.Spans / (warmed + jobs) };
            Console.WriteLine($"collector received {tracingTo.Spans} spans in {tracingTo.Requests} exports ({tracingTo.Bytes / 1e6:F1} MB): "
                + $"{result.SpansPerJob:F2} spans per job");
        }
        return result;
    }

    /// <summary>
    /// A host JIT-compiles for tens of seconds after it starts: tiered compilation recompiles thousands of methods, on
    /// this machine at first with 40–90% of a core, which the timed run would otherwise share. A host in production has
    /// long finished that, so warm-up slices run until the host's JIT took less than 2% of a slice's time. Returns the
    /// jobs sent and the host's runtime totals after the last slice, the baseline of the timed run.
    /// </summary>
    private static async Task<(int Jobs, HostRuntime After)> WarmUpAsync(Scenario scenario, ServeProcess serve, IProducer<string, string> producer, ResultReader reader)
    {
        var slices = new List<string>();
        var before = await HostRuntime.ReadAsync(serve);
        while (true)
        {
            var (seconds, _, _) = await RunBatchAsync(scenario, producer, reader, $"warm{slices.Count}", WarmUpSlice);
            var after = await HostRuntime.ReadAsync(serve);
            var jit = after.Since(before).JitSeconds / seconds;
            slices.Add(string.Create(CultureInfo.InvariantCulture, $"{WarmUpSlice / seconds:F0} jobs/s with JIT {jit:P0}"));
            if (jit < SettledJitShare || slices.Count * WarmUpSlice >= WarmUpLimit)
            {
                Console.WriteLine($"warm-up: {slices.Count * WarmUpSlice} jobs in slices of {WarmUpSlice}: {string.Join(", ", slices)}");
                return (slices.Count * WarmUpSlice, after);
            }
            before = after;
        }
    }

    private static async Task<(double Seconds, List<double> LatenciesMs, int Ok)> RunBatchAsync(
        Scenario scenario, IProducer<string, string> producer, ResultReader reader, string prefix, int jobs)
    {
        var sent = new long[jobs];
        var latencies = new double[jobs];
        var window = new SemaphoreSlim(scenario.Window);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answered = 0;
        var ok = 0;
        reader.OnResult = (key, isOk, at) =>
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal) || !int.TryParse(key.AsSpan(prefix.Length + 1), out var index) || (uint)index >= (uint)jobs)
            {
                return;
            }
            latencies[index] = Stopwatch.GetElapsedTime(sent[index], at).TotalMilliseconds;
            if (isOk)
            {
                Interlocked.Increment(ref ok);
            }
            window.Release();
            if (Interlocked.Increment(ref answered) == jobs)
            {
                done.TrySetResult();
            }
        };
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < jobs; i++)
        {
            await window.WaitAsync();
            var value = scenario.Template.Replace(RulPayloads.JobIdPlaceholder, Guid.NewGuid().ToString(), StringComparison.Ordinal);
            sent[i] = Stopwatch.GetTimestamp();
            producer.Produce(Topics.Jobs, new Message<string, string> { Key = $"{prefix}-{i}", Value = value });
        }
        producer.Flush(TimeSpan.FromSeconds(30));
        if (await Task.WhenAny(done.Task, Task.Delay(TimeSpan.FromMinutes(5))) != done.Task)
        {
            throw new TimeoutException($"Only {answered} of {jobs} jobs were answered.");
        }
        return (Stopwatch.GetElapsedTime(start).TotalSeconds, [.. latencies], ok);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>Reads the result topic on its own thread and reports each result by key.</summary>
    private sealed class ResultReader : IDisposable
    {
        private readonly TopicThread<string> _thread;

        public ResultReader(string bootstrap) =>
            _thread = new TopicThread<string>(bootstrap, "bench-reader", Topics.Results, (message, at) => OnResult(message.Key, IsOk(message.Value), at));

        public Action<string, bool, long> OnResult { get; set; } = (_, _, _) => { };

        public void Dispose() => _thread.Dispose();

        private static bool IsOk(byte[] value)
        {
            var reader = new Utf8JsonReader(value);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("result"u8))
                {
                    reader.Read();
                    return reader.ValueTextEquals("ok"u8);
                }
                if (reader.CurrentDepth >= 1 && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }
            }
            return false;
        }
    }
}
