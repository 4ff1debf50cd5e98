using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.Cli;

/// <summary>
/// <c>runwire run</c> as its own process with a user's Python component: it runs in the Python that
/// <c>Runwire__Python__Executable</c> names, a missing one fails only the jobs that need it, and jobs without
/// Python components never start a Python.
/// </summary>
public sealed class RunPythonTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Run_PythonComponentWithDebiansPython_OneOkResultWithItsValues()
    {
        var run = RunwireCli.Run(Python(UserPythonComponents.Executable), "run", "--import", Components(), Job("scale.json", UserPythonComponents.ScaleJob(1.5)));

        Assert.True(run.ExitCode == 0, run.Output);
        UserPythonComponents.AssertScaled(Assert.Single(run.Results), 1.5);
    }

    [Fact]
    public void Run_ExecutableMissing_PythonJobFailsSayingWhyAndTheCSharpJobIsStillOk()
    {
        var missing = Path.Combine(_dir.Path, "no", "python3");

        var run = RunwireCli.Run(Python(missing), "run", "--import", Components(),
            Job("scale.json", UserPythonComponents.ScaleJob(2)), Job("csharp.json", TestJobs.ById(7)));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(2, run.Results.Count);
        var error = run.Results[0]["error"]!;
        Assert.Equal("NodeFunctionLoadingError", error["type"]!.GetValue<string>());
        Assert.Equal("PARSING_WORKFLOW", error["process_stage"]!.GetValue<string>());
        Assert.EndsWith($"function name: main): Python components cannot run on this host: Runwire:Python:Executable '{missing}' was not found; "
            + "set it to a Python 3 with pandas.", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("ok", run.Results[1]["result"]!.GetValue<string>());
        Assert.Equal(7, run.Results[1]["output_results_by_output_name"]!["output"]!.GetValue<int>());
    }

    [Fact]
    public void Run_JobsWithoutPythonComponents_NeverStartPython()
    {
        // A "Python" that leaves a mark when started: C#-only jobs must not start it, a Python job does.
        var started = Path.Combine(_dir.Path, "python-was-started");
        var python = Path.Combine(_dir.Path, "python3");
        File.WriteAllText(python, $"#!/bin/sh\ntouch '{started}'\nexit 1\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(python, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var environment = new Dictionary<string, string>(Python(python)) { ["Runwire__Python__Sandbox"] = "off" };

        var main = RunwireCli.Run(environment, "run", "--import", Components(), Paths.Example("rul-legacy.json"), Job("csharp.json", TestJobs.ById(3)));
        Assert.True(main.ExitCode == 0, main.Output);
        Assert.Equal(2, main.Results.Count(r => r["result"]!.GetValue<string>() == "ok"));
        Assert.False(File.Exists(started));

        var scale = RunwireCli.Run(environment, "run", "--import", Components(), Job("scale.json", UserPythonComponents.ScaleJob(2)));
        Assert.Equal(1, scale.ExitCode);
        Assert.True(File.Exists(started));
    }

    [Fact]
    public void Run_DefaultSettings_ReadmeMainJobAnswersOk()
    {
        // The CLI's defaults name python3 from PATH, which here has no pandas: the README's job needs no Python at all.
        var run = RunwireCli.Run(null, "run", Paths.Example("rul-legacy.json"));

        Assert.True(run.ExitCode == 0, run.Output);
        var result = Assert.Single(run.Results);
        Assert.Equal("2020-07-06T13:32:31.838365+00:00", result["output_results_by_output_name"]!["limit_violation_timestamp"]!.GetValue<string>());
    }

    public void Dispose() => _dir.Dispose();

    private static Dictionary<string, string> Python(string executable) => new() { ["Runwire__Python__Executable"] = executable };

    /// <summary>A folder with the user's components, as the designer exports them.</summary>
    private string Components()
    {
        var folder = Path.Combine(_dir.Path, "components");
        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "scale.json"), UserPythonComponents.ScaleComponent().ToJsonString());
        }
        return folder;
    }

    private string Job(string name, string json)
    {
        var path = Path.Combine(_dir.Path, name);
        File.WriteAllText(path, json);
        return path;
    }
}
