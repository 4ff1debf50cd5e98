using Microsoft.Extensions.Logging.Abstractions;
using Runwire.Core.Components.Runners;

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

    public void Dispose() => _dir.Delete(recursive: true);
}
