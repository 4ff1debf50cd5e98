using Microsoft.Extensions.Logging.Abstractions;
using Runwire.Core.Components;
using Runwire.Core.Components.Runners;
using Runwire.Core.Data;

namespace Runwire.Python.Tests.Pool;

/// <summary>
/// A pool whose Python cannot start, or cannot start yet, and inputs Python cannot take: each call gets an answer
/// (never a wait for a worker that does not come), and no worker is lost.
/// </summary>
public sealed class PoolAvailabilityTests : IDisposable
{
    private static readonly TimeSpan Answered = TimeSpan.FromSeconds(30);
    private static readonly PythonCode Double = new("def main(*, x):\n    return {\"y\": x * 2}\n");
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("runwire-pool-test-");

    [Theory]
    [InlineData(SandboxMode.Required)]
    [InlineData(SandboxMode.Off)]
    public async Task Load_ExecutableMissing_FailsSayingSoInsteadOfWaiting(SandboxMode sandbox)
    {
        var missing = Path.Combine(_dir.FullName, "no-such-python");
        await using var pool = new PythonWorkerPool(Support.Python.Options(workers: 1) with { Executable = missing, Sandbox = sandbox },
            NullLogger<PythonWorkerPool>.Instance);

        var error = await Assert.ThrowsAsync<ComponentLoadException>(() =>
            pool.LoadAsync(Double, TestContext.Current.CancellationToken).AsTask().WaitAsync(Answered, TestContext.Current.CancellationToken));

        Assert.Equal($"Python components cannot run on this host: Runwire:Python:Executable '{missing}' was not found; "
            + "set it to a Python 3 with pandas.", error.Message);
        Assert.Null(error.Traceback);
    }

    [Fact]
    public async Task Load_PythonStartsOnlyLater_LoadsOnceItIsThere()
    {
        // A Python that refuses to start until a file appears, as when pandas is installed while the host runs.
        var python = Path.Combine(_dir.FullName, "python3");
        var ready = Path.Combine(_dir.FullName, "ready");
        await File.WriteAllTextAsync(python, $"#!/bin/sh\n[ -e '{ready}' ] || exit 3\nexec {Support.Python.Executable} \"$@\"\n",
            TestContext.Current.CancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(python, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        await using var pool = new PythonWorkerPool(Support.Python.Options(workers: 1) with { Executable = python, Sandbox = SandboxMode.Off },
            NullLogger<PythonWorkerPool>.Instance);
        await Assert.ThrowsAsync<ComponentLoadException>(() =>
            pool.LoadAsync(Double, TestContext.Current.CancellationToken).AsTask().WaitAsync(Answered, TestContext.Current.CancellationToken));

        await File.WriteAllTextAsync(ready, "", TestContext.Current.CancellationToken);
        var deadline = DateTime.UtcNow + Answered;
        while (pool.LiveWorkers == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        await pool.LoadAsync(Double, TestContext.Current.CancellationToken).AsTask().WaitAsync(Answered, TestContext.Current.CancellationToken);
        var outputs = await pool.CallAsync(Double, new ComponentInputs(new Dictionary<string, object?> { ["x"] = 21L }), TestContext.Current.CancellationToken);
        Assert.Equal(42L, outputs["y"]);
    }

    [Fact]
    public async Task Call_InputPythonCannotTake_FailsThatCallAndKeepsTheWorker()
    {
        await using var pool = new PythonWorkerPool(Support.Python.Options(workers: 1), NullLogger<PythonWorkerPool>.Instance);
        pool.Start();

        var error = await Assert.ThrowsAsync<PyException>(() => pool.CallAsync(Double,
            new ComponentInputs(new Dictionary<string, object?> { ["x"] = Guid.Empty }), TestContext.Current.CancellationToken).AsTask());
        Assert.Equal("TypeError", error.TypeName);

        // The only worker must be back in the pool: without it this call would wait forever.
        var outputs = await pool.CallAsync(Double, new ComponentInputs(new Dictionary<string, object?> { ["x"] = 2.5 }), TestContext.Current.CancellationToken)
            .AsTask().WaitAsync(Answered, TestContext.Current.CancellationToken);
        Assert.Equal(5.0, outputs["y"]);
        Assert.Equal(1, pool.LiveWorkers);
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
