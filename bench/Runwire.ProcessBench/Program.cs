using System.Globalization;
using System.Text.Json.Nodes;
using Runwire.Host.Tests.Support;
using Runwire.ProcessBench;
using Runwire.PythonBench;

// dotnet run -c Release --project bench/Runwire.ProcessBench [-- --first 1000] [--more 4000] [--rounds 3]
//     [--cores "0;0,1"] [--settings "as built;DOTNET_TieredPGO=1;as built @/tmp/r2r/runwire.dll"] [--hetida-jobs 30] [--no-serve]
//     [--python /usr/bin/python3] [--hetida-runtime tools/runtime-components] [--runwire path/to/runwire.dll]
// What a user gets from a Runwire process on the RUL example's 1000-point test wiring, next to hetida's own path.
var first = Option("--first", 1000);
var more = Option("--more", 4000);
var rounds = Option("--rounds", 3);
var hetidaJobs = Option("--hetida-jobs", 30);
var coreSets = Text("--cores", "0;0,1").Split(';');
var settings = Text("--settings", "as built").Split(';').Select(Setting.Parse).ToArray();
var python = Text("--python", "/usr/bin/python3");
var runtime = Path.GetFullPath(Text("--hetida-runtime", Path.Combine(Paths.RepoRoot, "tools", "runtime-components")));
var serve = !args.Contains("--no-serve");
var runwire = Path.GetFullPath(Text("--runwire", Paths.Runwire));

Console.WriteLine($"Runwire process benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores ({CpuModel()}), "
    + $"load average at start {LoadAverage()}, .NET {Environment.Version}");
Console.WriteLine($"runwire: {runwire}");
Console.WriteLine($"command: dotnet run -c Release --project bench/Runwire.ProcessBench -- {string.Join(' ', args)}");

using var scratch = new TempDirectory();
// The RUL example's stored 1000-point test wiring as an ExecByIdInput, without a job_id so every job is a new one.
var request = JsonNode.Parse(File.ReadAllText(Paths.Example("rul-exec-by-id.json")))!.AsObject();
request.Remove("job_id");
var requestBytes = System.Text.Encoding.UTF8.GetBytes(request.ToJsonString());
var job = Path.Combine(scratch.Path, "rul.json");
File.WriteAllBytes(job, requestBytes);
var workflow = Directory.GetFiles(Path.Combine(Paths.HetidaTransformations, "workflows"), "*806df1b9-2fc8-4463-943f-3d258c569663.json", SearchOption.AllDirectories);

foreach (var cores in coreSets)
{
    using var hetida = await HetidaJobs.StartAsync(Pinned.Python(cores, python, scratch.Path), runtime,
        [Path.Combine(Paths.HetidaTransformations, "components"), .. workflow], new Dictionary<string, byte[]> { ["rul"] = requestBytes }, scratch.Path);
    if (hetida.Skipped is null)
    {
        var (_, result) = await hetida.RunAsync("rul", 3);
        if (result?["result"]?.GetValue<string>() != "ok")
        {
            throw new InvalidOperationException($"hetida did not answer ok: {result?.ToJsonString()[..300]}");
        }
    }
    var table = new Table();
    for (var round = 0; round < rounds; round++)
    {
        foreach (var setting in settings)
        {
            Progress($"cores {cores}, round {round + 1}/{rounds}, {setting.Label}: runwire run");
            var host = setting.Runwire ?? runwire;
            var none = CliRuns.Run(cores, host, job, 0, setting.Environment);
            var some = CliRuns.Run(cores, host, job, first, setting.Environment);
            var many = CliRuns.Run(cores, host, job, more, setting.Environment);
            table.Add($"`runwire run`, {setting.Label}", (some - none).PerJob(first), (many - some).PerJob(more - first), none);
            if (serve)
            {
                Progress($"cores {cores}, round {round + 1}/{rounds}, {setting.Label}: runwire serve");
                using var server = new ServeRuns(cores, host, setting.Environment);
                await server.WaitHealthyAsync();
                var ready = server.Now();
                await server.RunAsync(requestBytes, first);
                var afterFirst = server.Now();
                await server.RunAsync(requestBytes, more - first);
                table.Add($"`runwire serve`, HTTP, {setting.Label}", (afterFirst - ready).PerJob(first), (server.Now() - afterFirst).PerJob(more - first), null);
            }
        }
        if (hetida.Skipped is null)
        {
            Progress($"cores {cores}, round {round + 1}/{rounds}: hetida");
            var before = CpuTime.Now();
            var (seconds, _) = await hetida.RunAsync("rul", hetidaJobs);
            var cpu = CpuTime.Now().Since(before).Workers.TotalSeconds;
            table.AddHetida(new Measured(cpu, seconds).PerJob(hetidaJobs));
        }
    }
    Console.WriteLine();
    Console.WriteLine($"### {(cores.Contains(',', StringComparison.Ordinal) ? "Two cores" : "One core")} (taskset -c {cores})");
    Console.WriteLine();
    table.Print(first, more, hetida.Skipped);
}
Console.WriteLine();
Console.WriteLine($"finished {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}");

int Option(string name, int fallback) => args.IndexOf(name) is var at and >= 0 && at + 1 < args.Length
    ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;

string Text(string name, string fallback) => args.IndexOf(name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;

static void Progress(string text) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {text} (load {LoadAverage()})");

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

static string CpuModel() => File.Exists("/proc/cpuinfo")
    ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
    : "?";
