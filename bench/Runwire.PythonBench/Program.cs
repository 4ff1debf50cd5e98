using System.Globalization;
using Runwire.Host.Tests.Support;
using Runwire.PythonBench;

// dotnet run -c Release --project bench/Runwire.PythonBench [-- --rounds 7] [--cold-starts 5] [--only 1,2,3,4]
//     [--python /usr/bin/python3] [--hetida-runtime tools/runtime-components] [--hetida-profile] [--runwire path/to/runwire.dll]
// Measures Runwire's Python components against hetida's own code in one invocation and prints markdown tables.
var rounds = Option("--rounds", 7);
var only = Text("--only", "1,2,3,4").Split(',');
var python = Text("--python", "/usr/bin/python3");
var runtime = Path.GetFullPath(Text("--hetida-runtime", Path.Combine(Paths.RepoRoot, "tools", "runtime-components")));
Console.WriteLine($"Runwire Python component benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores "
    + $"({CpuModel()}), load average at start {Report.LoadAverage()}, .NET {Environment.Version}, {python}");
Console.WriteLine($"command: dotnet run -c Release --project bench/Runwire.PythonBench -- {string.Join(' ', args)}");

using var scratch = new TempDirectory();
var exports = scratch.Sub("exports");
BenchTransformations.Write(exports);
// hetida needs the original Python code of every component the workflow uses; Runwire ships Abs as C#.
var absOriginal = Path.GetFullPath(Path.Combine(Paths.HetidaTransformations, BenchTransformations.AbsExport));
using var hetida = only.Contains("1")
    ? await HetidaJobs.StartAsync(python, runtime, [exports, absOriginal], new Dictionary<string, byte[]> { ["workflow"] = Requests.Workflow(1000) }, scratch.Path)
    : null;
if (hetida is not null)
{
    Console.WriteLine(hetida.Skipped is null ? $"hetida: {runtime}/hetida_runtime.py, {hetida.Versions!.ToJsonString()}" : $"hetida: skipped, {hetida.Skipped}");
}
var context = new BenchContext(exports, python, hetida!, rounds, Option("--cold-starts", 5), Path.GetFullPath(Text("--runwire", Paths.Runwire)));
if (only.Contains("1"))
{
    await JobTimeSection.RunAsync(context);
    if (args.Contains("--hetida-profile") && hetida!.Skipped is null)
    {
        Console.Error.WriteLine(await hetida.ProfileAsync("workflow", 50));
    }
}
if (only.Contains("2"))
{
    await ChannelSection.RunAsync(context);
}
if (only.Contains("3"))
{
    await ScalingSection.RunAsync(context);
}
if (only.Contains("4"))
{
    await ColdStartSection.RunAsync(context);
}
Console.WriteLine();
Console.WriteLine($"finished {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {Report.LoadAverage()}");

int Option(string name, int fallback) => args.IndexOf(name) is var at and >= 0 && at + 1 < args.Length
    ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;

string Text(string name, string fallback) => args.IndexOf(name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;

static string CpuModel() => File.Exists("/proc/cpuinfo")
    ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
    : "?";
