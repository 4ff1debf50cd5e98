using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Confluent.Kafka;
using Runwire.Host.Tests.Support;
using Runwire.PythonBench;

namespace Runwire.KafkaBench;

/// <summary>
/// Consumption mode (<c>runwire serve --consume FILE</c>) on 10-point SERIES messages through Pass Through (Series) to a
/// Kafka sink, issue #18's case. All messages are on the data topic (four partitions) before the host starts; the first
/// <c>warm-up</c> outputs let the host JIT-compile, the rest are timed from the warm-up's last output to the last one.
/// Every output's job id (the record's stable id) is checked to be there exactly once. hetida's per-message time for
/// the same transformation and value comes from hetida's own code (execute_transformation_revision, what its Kafka
/// consumer calls per message), in rounds alternating with Runwire's. The outputs (about 0.8 KiB each) must stay under
/// the mock broker's 5 MiB per partition, or the oldest are dropped before they are counted: about 20,000 messages in all.
/// </summary>
internal static class ConsumeThroughput
{
    private const string PassThroughSeries = "bfa27afc-dea8-b8aa-4b15-94402f0739b6";
    private const string Data = "cs-data";
    private const string Out = "cs-out";
    private const int Points = 10;

    public static async Task RunAsync(int warmUp, int messages, int rounds, string[] inFlight, int hetidaJobs, string python, string hetidaRuntime)
    {
        Console.WriteLine($"Consumption mode benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores ({CpuModel()}), "
            + $"load average at start {LoadAverage()}; {warmUp} warm-up + {messages} timed messages of {Points} points, {rounds} rounds");
        using var scratch = new TempDirectory();
        var request = Request(Series(0));
        using var hetida = await HetidaJobs.StartAsync(python, hetidaRuntime, [Path.Combine(Paths.HetidaTransformations, "components")],
            new Dictionary<string, byte[]> { ["series"] = Encoding.UTF8.GetBytes(request.ToJsonString()) }, scratch.Path);
        if (hetida.Skipped is null)
        {
            var (_, result) = await hetida.RunAsync("series", 3);
            if (result?["result"]?.GetValue<string>() != "ok")
            {
                throw new InvalidOperationException($"hetida did not answer ok: {result?.ToJsonString()}");
            }
        }
        var runwire = inFlight.ToDictionary(n => n, _ => new List<(double PerSecond, double CpuMs)>());
        var hetidaMs = new List<(double Wall, double Cpu)>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var limit in inFlight)
            {
                Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] round {round + 1}/{rounds}, MaxInFlight {limit} (load {LoadAverage()})");
                runwire[limit].Add(await RunwireRoundAsync(scratch.Sub($"r{round}-{limit}"), warmUp, messages, limit));
            }
            if (hetida.Skipped is null)
            {
                var before = CpuTime.Now();
                var (seconds, _) = await hetida.RunAsync("series", hetidaJobs);
                var cpu = CpuTime.Now().Since(before).Workers.TotalMilliseconds;
                hetidaMs.Add((seconds * 1000 / hetidaJobs, cpu / hetidaJobs));
                Console.Error.WriteLine($"hetida: {seconds * 1000 / hetidaJobs:F2} ms per message ({cpu / hetidaJobs:F2} ms CPU)");
            }
        }
        Console.WriteLine();
        Console.WriteLine("| path | messages/s | ms per message (wall) | CPU ms per message | × hetida's messages/s |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (limit, results) in runwire)
        {
            // Ratio within each round: a slower phase of the shared machine moves both sides alike.
            var ratios = hetidaMs.Count == 0 ? "" : Summary.Of([.. results.Select((r, i) => r.PerSecond * hetidaMs[i].Wall / 1000)]).Format("F0") + "×";
            Console.WriteLine($"| `runwire serve --consume`, Runwire:Consume:MaxInFlight={limit} | {Summary.Of([.. results.Select(r => r.PerSecond)]).Format("F0")} "
                + $"| {Summary.Of([.. results.Select(r => 1000 / r.PerSecond)]).Format("F3")} | {Summary.Of([.. results.Select(r => r.CpuMs)]).Format("F3")} | {ratios} |");
        }
        if (hetidaMs.Count > 0)
        {
            Console.WriteLine($"| hetida v0.9.8 execute_transformation_revision, in process, one message after the other | "
                + $"{Summary.Of([.. hetidaMs.Select(h => 1000 / h.Wall)]).Format("F0")} | {Summary.Of([.. hetidaMs.Select(h => h.Wall)]).Format("F3")} "
                + $"| {Summary.Of([.. hetidaMs.Select(h => h.Cpu)]).Format("F3")} | 1× |");
        }
        else
        {
            Console.WriteLine($"hetida's row is missing: {hetida.Skipped}.");
        }
        Console.WriteLine();
        Console.WriteLine("Median (min–max) over rounds. Runwire: Kafka in and out through the test broker on the same cores; hetida: the "
            + "execution alone (no Kafka), so its messages/s is an upper bound for its consumer.");
        Console.WriteLine($"finished {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}");
    }

    private static async Task<(double PerSecond, double CpuMs)> RunwireRoundAsync(string data, int warmUp, int messages, string inFlight)
    {
        var total = warmUp + messages;
        using var broker = new TestBroker(Data, Out, Data + "_dead_letter");
        using (var producer = new ProducerBuilder<Null, byte[]>(new ProducerConfig { BootstrapServers = broker.Bootstrap, LingerMs = 5 }).Build())
        {
            for (var i = 0; i < total; i++)
            {
                producer.Produce(Data, new Message<Null, byte[]>
                {
                    Value = Encoding.UTF8.GetBytes(new JsonObject { ["value"] = new JsonObject { ["value"] = Series(i), ["data_type"] = "series(float)" } }.ToJsonString()),
                });
            }
            if (producer.Flush(TimeSpan.FromSeconds(60)) > 0)
            {
                throw new InvalidOperationException("The messages were not all produced.");
            }
        }
        Directory.CreateDirectory(data);
        var file = Path.Combine(data, "consume.json");
        var job = Request(null);
        job["wiring"]!["input_wirings"] = new JsonArray(Wiring("workflow_input_name", "input", "data_series(float)", "SOURCE"));
        job["wiring"]!["output_wirings"] = new JsonArray(Wiring("workflow_output_name", "output", "out_series(float)", "SINK"));
        job.Remove("job_id");
        await File.WriteAllTextAsync(file, job.ToJsonString());
        using var reader = new OutputReader(broker.Bootstrap);
        var environment = new Dictionary<string, string> { ["HD_KAFKA_CONFIGS"] = Configs(broker.Bootstrap).ToJsonString() };
        using var serve = await ServeProcess.StartAsync(Path.Combine(data, "host"), null, "unused", environment, "--consume", file,
            $"--Runwire:Consume:MaxInFlight={inFlight}", "--Logging:LogLevel:Runwire=Warning");
        using var host = Process.GetProcessById(serve.ProcessId);
        var warmed = await reader.WaitAsync(warmUp, serve);
        host.Refresh();
        var cpuBefore = host.TotalProcessorTime;
        var done = await reader.WaitAsync(total, serve);
        host.Refresh();
        var seconds = Stopwatch.GetElapsedTime(warmed, done).TotalSeconds;
        var cpuMs = (host.TotalProcessorTime - cpuBefore).TotalMilliseconds / messages;
        var (count, distinct, failed) = reader.Counts();
        if (count != total || distinct != total || failed > 0)
        {
            throw new InvalidOperationException($"{count} outputs, {distinct} distinct job ids, {failed} not ok, for {total} messages.");
        }
        Console.Error.WriteLine($"MaxInFlight {inFlight}: {messages} messages in {seconds:F2} s, {messages / seconds:F0}/s, host CPU {cpuMs:F3} ms per message; "
            + $"{count} outputs, each job id once");
        return (messages / seconds, cpuMs);
    }

    /// <summary>A 10-point series whose values tell the messages apart.</summary>
    private static JsonObject Series(int message)
    {
        var series = new JsonObject();
        for (var p = 0; p < Points; p++)
        {
            series[new DateTime(2024, 1, 1, p, 0, 0, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)] = message + p / 10.0;
        }
        return series;
    }

    /// <summary>hetida's ExecByIdInput for Pass Through (Series); with a value, wired to direct_provisioning.</summary>
    private static JsonObject Request(JsonObject? value) => new()
    {
        ["id"] = PassThroughSeries,
        ["job_id"] = Guid.NewGuid().ToString(),
        ["run_pure_plot_operators"] = false,
        ["wiring"] = new JsonObject
        {
            ["input_wirings"] = value is null ? new JsonArray() : new JsonArray(new JsonObject
            {
                ["workflow_input_name"] = "input",
                ["adapter_id"] = "direct_provisioning",
                ["filters"] = new JsonObject { ["value"] = value.ToJsonString() },
            }),
            ["output_wirings"] = new JsonArray(),
        },
    };

    private static JsonObject Wiring(string nameField, string name, string id, string idType) => new()
    {
        [nameField] = name,
        ["adapter_id"] = "kafka",
        ["ref_id"] = id,
        ["ref_id_type"] = idType,
        ["ref_key"] = null,
        ["type"] = "series(float)",
        ["filters"] = new JsonObject { ["message_value_key"] = "" },
    };

    private static JsonObject Configs(string bootstrap) => new()
    {
        ["data"] = new JsonObject
        {
            ["display_name"] = "data",
            ["topic"] = Data,
            ["consumable"] = true,
            ["types"] = new JsonArray("series(float)"),
            ["consumer_config"] = new JsonObject
            {
                ["bootstrap_servers"] = bootstrap, ["group_id"] = "consume-bench", ["auto_offset_reset"] = "earliest",
            },
            ["producer_config"] = new JsonObject { ["bootstrap_servers"] = bootstrap },
        },
        ["out"] = new JsonObject
        {
            ["display_name"] = "out",
            ["topic"] = Out,
            ["consumable"] = false,
            ["types"] = new JsonArray("series(float)"),
            ["producer_config"] = new JsonObject { ["bootstrap_servers"] = bootstrap },
        },
    };

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static string CpuModel() => File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
        : "?";

    /// <summary>Reads the output topic on its own thread: how many outputs, how many distinct job ids, and when the n-th came.</summary>
    private sealed class OutputReader : IDisposable
    {
        private readonly TopicThread<Ignore> _thread;
        private readonly HashSet<string> _jobIds = [];
        private readonly Lock _gate = new();
        private int _count;
        private int _failed;
        private readonly List<(int Count, TaskCompletionSource<long> Reached)> _waits = [];

        public OutputReader(string bootstrap) => _thread = new TopicThread<Ignore>(bootstrap, "consume-bench-reader", Out, Count);

        /// <summary>The timestamp at which <paramref name="count"/> outputs had arrived.</summary>
        public async Task<long> WaitAsync(int count, ServeProcess serve)
        {
            var reached = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                if (_count >= count)
                {
                    reached.SetResult(Stopwatch.GetTimestamp());
                }
                else
                {
                    _waits.Add((count, reached));
                }
            }
            // Stalled: nothing new for 30 s.
            var (seen, since) = (-1, Stopwatch.GetTimestamp());
            while (!reached.Task.IsCompleted)
            {
                await Task.WhenAny(reached.Task, Task.Delay(1000));
                var now = Counts().Count;
                (seen, since) = now != seen ? (now, Stopwatch.GetTimestamp()) : (seen, since);
                if (!reached.Task.IsCompleted && (Stopwatch.GetElapsedTime(since) > TimeSpan.FromSeconds(30) || serve.HasExited))
                {
                    throw new TimeoutException($"Only {Counts().Count} of {count} outputs arrived:\n{serve.Output[^Math.Min(3000, serve.Output.Length)..]}");
                }
            }
            return await reached.Task;
        }

        public (int Count, int Distinct, int Failed) Counts()
        {
            lock (_gate)
            {
                return (_count, _jobIds.Count, _failed);
            }
        }

        public void Dispose() => _thread.Dispose();

        private void Count(Message<Ignore, byte[]> message, long at)
        {
            var json = JsonNode.Parse(message.Value);
            lock (_gate)
            {
                _count++;
                _jobIds.Add(json?["job_id"]?.GetValue<string>() ?? "");
                _failed += json?["value"]?["value"] is null ? 1 : 0;
                _waits.RemoveAll(w => w.Count <= _count && w.Reached.TrySetResult(at));
            }
        }
    }
}
