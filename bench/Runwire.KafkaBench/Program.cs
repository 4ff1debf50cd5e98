using System.Globalization;
using Runwire.Host.Tests.Support;
using Runwire.KafkaBench;

// dotnet run -c Release --project bench/Runwire.KafkaBench [-- --jobs 20000]
// Starts the test broker and one `runwire serve --kafka`, sends RUL example jobs and times them back from the result topic.
// dotnet run -c Release --project bench/Runwire.KafkaBench -- --tracing [--jobs N] [--rounds R] [--points 10|1000] [--window W] [--record-only]
// Runs the scenarios with tracing off and on (OTLP to a local collector) and reports the cost; --record-only makes "on"
// record spans without exporting them.
// dotnet run -c Release --project bench/Runwire.KafkaBench -- --consume [--messages 15000] [--warm-up 3000] [--rounds 3]
//     [--in-flight "64;1"] [--hetida-jobs 300] [--python /usr/bin/python3] [--hetida-runtime tools/runtime-components]
// Consumption mode (runwire serve --consume) on 10-point SERIES messages, next to hetida's per-message time (issue #18).
if (args.Contains("--consume"))
{
    await ConsumeThroughput.RunAsync(Option("--warm-up", 3_000), Option("--messages", 15_000), Option("--rounds", 3),
        Text("--in-flight", "64;1").Split(';'), Option("--hetida-jobs", 300), Text("--python", "/usr/bin/python3"),
        Path.GetFullPath(Text("--hetida-runtime", Path.Combine(Paths.RepoRoot, "tools", "runtime-components"))));
    return;
}
var jobs = Option("--jobs", 20_000);
var tracing = args.Contains("--tracing");
Console.WriteLine($"Runwire Kafka benchmark: {jobs} jobs per scenario, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
var results = new List<ScenarioResult>();
// The window (jobs in flight) trades latency for throughput: a small one shows latency below saturation, a larger one the throughput.
var small = RulPayloads.Synthetic(10);
if (tracing)
{
    // --points 10 or 1000 runs only that scenario.
    var points = Option("--points", 0);
    Scenario[] scenarios = [new("RUL example, 10-point series", small, Window: 64), new("RUL example, 10-point series", small, Window: 128),
        new("RUL example, 1000-point test series", RulPayloads.TestSeries(), Window: 48)];
    // --window N runs each chosen job with N jobs in flight instead.
    var window = Option("--window", 0);
    var chosen = scenarios.Where(s => points == 0 || s.Name.Contains($" {points}-point", StringComparison.Ordinal));
    await TracingCost.RunAsync([.. window == 0 ? chosen : chosen.DistinctBy(s => s.Name).Select(s => s with { Window = window })],
        jobs, Option("--rounds", 2), recordOnly: args.Contains("--record-only"));
    return;
}
foreach (var scenario in new[] { new Scenario("RUL example, 10-point series", small, Window: 64),
    new Scenario("RUL example, 10-point series", small, Window: 128),
    new Scenario("RUL example, 1000-point test series", RulPayloads.TestSeries(), Window: 48) })
{
    results.Add(await KafkaRoundTrip.RunAsync(scenario, jobs));
}
Console.WriteLine();
Console.WriteLine("| jobs | payload | in flight | answered ok | jobs/s | p50 ms | p99 ms | max ms |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
foreach (var r in results)
{
    Console.WriteLine(r.ToMarkdownRow());
}

string Text(string name, string fallback) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}
