namespace Runwire.Host.Tests.Support;

/// <summary>
/// A <c>runwire serve</c> process running the user's Python components (<see cref="UserPythonComponents"/>), imported
/// over HTTP once it is up, shared by one test class. Its temporary folder is its own, so the workers' private
/// directories can be counted.
/// </summary>
public abstract class PythonHost : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private ServeProcess? _serve;

    internal ServeProcess Serve => _serve ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>The Kafka bootstrap servers the host consumes from, or null for HTTP only.</summary>
    protected abstract string? Bootstrap { get; }

    public virtual async ValueTask InitializeAsync()
    {
        var environment = new Dictionary<string, string> { ["TMPDIR"] = _dir.Sub("tmp") };
        _serve = await ServeProcess.StartAsync(_dir.Sub("data"), Bootstrap, "runwire-python-tests", environment, UserPythonComponents.HostArgs)
            .ConfigureAwait(false);
        await UserPythonComponents.ImportAsync(_serve.Http).ConfigureAwait(false);
    }

    /// <summary>
    /// The host is still up, its workers are all back (a killed one replaced, none extra) and every worker directory
    /// belongs to a live worker.
    /// </summary>
    internal async Task AssertNothingLeakedAsync()
    {
        Assert.False(Serve.HasExited, Serve.Output);
        Assert.Equal(UserPythonComponents.Workers,
            await PythonWorkerProcesses.WaitForAsync(Serve.ProcessId, UserPythonComponents.Workers, TimeSpan.FromSeconds(60)).ConfigureAwait(false));
        Assert.Equal(UserPythonComponents.Workers, Directory.GetDirectories(Path.Combine(_dir.Path, "tmp"), "runwire-py-*").Length);
    }

    public virtual ValueTask DisposeAsync()
    {
        _serve?.Dispose();
        _dir.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
