using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Runwire.PythonBench;

/// <summary>
/// hetida's own execution path (tools/runtime-components/hetida_runtime.py: execute_transformation_revision, in
/// process, Debian's Python) in a child process that runs rounds of jobs on request, so its rounds can alternate with
/// Runwire's in one invocation. <see cref="Skipped"/> says why it cannot run on this machine.
/// </summary>
internal sealed class HetidaJobs : IDisposable
{
    private readonly Process? _process;

    private HetidaJobs(Process? process, string? skipped, JsonObject? versions)
    {
        _process = process;
        Skipped = skipped;
        Versions = versions;
    }

    public string? Skipped { get; }

    public JsonObject? Versions { get; }

    public static async Task<HetidaJobs> StartAsync(string python, string runtimeDirectory, IEnumerable<string> trafos, IDictionary<string, byte[]> requests, string scratch)
    {
        if (!File.Exists(Path.Combine(runtimeDirectory, "hetida_runtime.py")))
        {
            return new HetidaJobs(null, $"hetida_runtime.py not found in {runtimeDirectory} (give --hetida-runtime DIR)", null);
        }
        var script = Path.Combine(AppContext.BaseDirectory, "hetida", "hetida_jobs.py");
        var info = new ProcessStartInfo(python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[script, "--runtime", runtimeDirectory])
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var trafo in trafos)
        {
            info.ArgumentList.Add("--trafos");
            info.ArgumentList.Add(trafo);
        }
        foreach (var (name, body) in requests)
        {
            var file = Path.Combine(scratch, $"hetida-request-{name}.json");
            await File.WriteAllBytesAsync(file, body);
            info.ArgumentList.Add("--request");
            info.ArgumentList.Add($"{name}={file}");
        }
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new HetidaJobs(null, $"{python} could not be started ({e.Message})", null);
        }
        var errors = process.StandardError.ReadToEndAsync();
        var first = await process.StandardOutput.ReadLineAsync();
        var answer = first is null ? null : JsonNode.Parse(first)!.AsObject();
        if (answer?["ready"] is null)
        {
            process.Kill();
            var why = answer?["skipped"]?.GetValue<string>() ?? $"hetida_jobs.py ended: {Tail(await errors)}";
            return new HetidaJobs(null, why, null);
        }
        return new HetidaJobs(process, null, answer["versions"]!.AsObject());
    }

    /// <summary>Runs <paramref name="jobs"/> jobs one after the other; the seconds they took and the last response.</summary>
    public async Task<(double Seconds, JsonNode? Result)> RunAsync(string request, int jobs)
    {
        var answer = await AskAsync(new JsonObject { ["op"] = "run", ["request"] = request, ["jobs"] = jobs });
        return (answer["seconds"]!.GetValue<double>(), answer["result"]);
    }

    /// <summary>cProfile's top functions by cumulative time over <paramref name="jobs"/> jobs.</summary>
    public async Task<string> ProfileAsync(string request, int jobs) =>
        (await AskAsync(new JsonObject { ["op"] = "profile", ["request"] = request, ["jobs"] = jobs }))["profile"]!.GetValue<string>();

    private async Task<JsonObject> AskAsync(JsonObject command)
    {
        var process = _process ?? throw new InvalidOperationException(Skipped);
        await process.StandardInput.WriteLineAsync(command.ToJsonString());
        await process.StandardInput.FlushAsync();
        var line = await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("hetida_jobs.py ended");
        return JsonNode.Parse(line)!.AsObject();
    }

    private static string Tail(string text) => string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(5));

    public void Dispose()
    {
        if (_process is null)
        {
            return;
        }
        _process.StandardInput.Close();
        if (!_process.WaitForExit(5_000))
        {
            _process.Kill();
        }
        _process.Dispose();
    }
}
