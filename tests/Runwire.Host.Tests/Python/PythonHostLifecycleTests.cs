using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.Python;

/// <summary>
/// How <c>runwire serve</c> starts and stops with its Python workers: on a machine without bubblewrap (a PATH without
/// <c>bwrap</c>) it refuses with <c>Runwire:Python:Sandbox=required</c>, and warns and runs Python components with
/// rlimits only with <c>auto</c>; a graceful stop ends it and its workers cleanly.
/// </summary>
public sealed class PythonHostLifecycleTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void SandboxRequired_NoBubblewrap_ServeRefusesToStartSayingWhy()
    {
        var run = RunwireCli.Run(WithoutBubblewrap(), "serve", "--urls", "http://127.0.0.1:0", "--data-dir", _dir.Sub("data"),
            "--Runwire:Auth:Mode=none", "--Runwire:Python:Sandbox=required", $"--Runwire:Python:Executable={UserPythonComponents.Executable}");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Runwire:Python:Sandbox=required, but bubblewrap (bwrap) is not installed. Install Debian's bubblewrap package "
            + "or set Runwire:Python:Sandbox=auto.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SandboxAuto_NoBubblewrap_WarnsAndRunsPythonJobsWithoutIt()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Sub("data"), null, "unused", WithoutBubblewrap(), UserPythonComponents.HostArgs);
        await UserPythonComponents.ImportAsync(serve.Http);

        using var response = await serve.Http.PostAsync(new Uri("/api/transformations/execute", UriKind.Relative),
            new StringContent(UserPythonComponents.ScaleJob(2), Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        UserPythonComponents.AssertScaled((await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!, 2);
        Assert.Contains("Python workers run WITHOUT a sandbox because bubblewrap (bwrap) is not installed", serve.Output, StringComparison.Ordinal);
        Assert.Contains("warn: Runwire.Python.PythonWorkerPool", serve.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GracefulStop_WorkersRunning_ExitsZeroAndNoWorkerOutlivesIt()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Sub("data"), null, "unused", UserPythonComponents.HostArgs);
        Assert.Equal(UserPythonComponents.Workers,
            await PythonWorkerProcesses.WaitForAsync(serve.ProcessId, UserPythonComponents.Workers, TimeSpan.FromSeconds(60)));
        var workers = PythonWorkerProcesses.Below(serve.ProcessId);

        Assert.True(serve.Terminate(TimeSpan.FromSeconds(30)));

        Assert.True(serve.ExitCode == 0, serve.Output);
        Assert.Empty(await PythonWorkerProcesses.WaitGoneAsync(workers, TimeSpan.FromSeconds(10)));
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>The host's PATH is one empty folder: no bwrap (nor anything else) to find on it.</summary>
    private Dictionary<string, string> WithoutBubblewrap() => new() { ["PATH"] = _dir.Sub("empty-bin") };
}
