using Microsoft.Extensions.Logging.Abstractions;
using Runwire.Core.Adapters;
using Runwire.Core.Components;
using Runwire.Core.Components.Runners;
using Runwire.Core.Engine;
using Runwire.Core.Transformations;

[assembly: AssemblyFixture(typeof(Runwire.Python.Tests.Support.Python))]

namespace Runwire.Python.Tests.Support;

/// <summary>
/// One pool of real Python workers (Debian's /usr/bin/python3 with pandas, in bubblewrap) for the whole test assembly,
/// and engines over it. Tests that kill or time out workers build their own small pool instead.
/// </summary>
public sealed class Python : IAsyncDisposable
{
    /// <summary>The Python the worker tests use: Debian's, which has pandas (the pyenv python3 on PATH has not).</summary>
    public const string Executable = "/usr/bin/python3";

    public Python()
    {
        Pool = new PythonWorkerPool(Options(), NullLogger<PythonWorkerPool>.Instance);
        Pool.Start();
    }

    public PythonWorkerPool Pool { get; }

    /// <summary>Where the worker's Python files are deployed (next to the test binaries).</summary>
    public static string WorkerDirectory => new PythonOptions().WorkerDirectory;

    public static PythonOptions Options(int workers = 2, int timeoutSeconds = 60, int memoryMb = 4096) => new()
    {
        Executable = Executable,
        Workers = workers,
        CallTimeout = TimeSpan.FromSeconds(timeoutSeconds),
        MemoryMb = memoryMb,
        Sandbox = SandboxMode.Required,
    };

    /// <summary>An engine over a store, with the shared pool and a runner preference.</summary>
    public ExecutionEngine Engine(TransformationStore store, ComponentRunner prefer = ComponentRunner.CSharp) =>
        new(store, new ComponentRunners(ComponentRegistry.Builtin, Pool, prefer), AdapterRegistry.Empty);

    public static TransformationStore Store(params string[] directories)
    {
        var store = new TransformationStore();
        foreach (var directory in directories)
        {
            store.ImportDirectory(directory);
        }
        return store;
    }

    public ValueTask DisposeAsync() => Pool.DisposeAsync();
}
