using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Runwire.Core.Adapters;
using Runwire.Core.Components;
using Runwire.Core.Components.Runners;
using Runwire.Core.Engine;
using Runwire.Core.Tests.Support;
using Runwire.Python.Tests.Support;

namespace Runwire.Python.Tests.Hostile;

/// <summary>A host whose Python environment is not what the settings ask for says so instead of running unsafely or hanging.</summary>
public sealed class HostSetupTests
{
    private static readonly JsonObject User = PythonComponent.Create("Needs Python", [("x", "INT", null)], [("y", "INT")], """return {"y": x}""");

    // A timeout: before the fix, this job waited forever for a worker that could not start.
    [Fact(Timeout = 120_000)]
    public async Task MissingExecutable_PythonJob_FailsSayingPythonCannotRunWhileCSharpJobsRun()
    {
        await using var pool = new PythonWorkerPool(Support.Python.Options(workers: 1) with { Executable = "/nonexistent/python3" },
            NullLogger<PythonWorkerPool>.Instance);
        pool.Start();
        var store = Support.Python.Store(SharedPaths.HetidaTransformations);
        store.Import(Core.Transformations.TransformationReader.Read(User, "user"));
        var engine = new ExecutionEngine(store, new ComponentRunners(ComponentRegistry.Builtin, pool), AdapterRegistry.Empty);
        var ct = TestContext.Current.CancellationToken;

        var python = await Jobs.AnswerUnlessCancelledAsync(engine, Jobs.Request(PythonComponent.Id(User), ("x", "1")), ct);
        // Pass Through (Integer): a C# component on the same engine
        var csharp = await Jobs.AnswerUnlessCancelledAsync(engine, Jobs.Request(Guid.Parse("57eea09f-d28e-89af-4e81-2027697a3f0f"), ("input", "7")), ct);

        var error = Jobs.Error(python);
        Assert.Equal("NodeFunctionLoadingError", error["type"]!.GetValue<string>());
        Assert.Equal("PARSING_WORKFLOW", error["process_stage"]!.GetValue<string>());
        Assert.EndsWith("function name: main): Python components cannot run on this host: Runwire:Python:Executable '/nonexistent/python3' "
            + "was not found; set it to a Python 3 with pandas.", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(7, Jobs.Outputs(csharp)["output"]!.GetValue<long>());
    }

    [Fact(Timeout = 120_000)]
    public async Task PythonInstalledAfterStart_SameComponentAgain_RunsOnceAWorkerIsUp()
    {
        // Outside bubblewrap: the interpreter appears in the test's own temporary directory, which the sandbox hides.
        var directory = Directory.CreateTempSubdirectory("runwire-late-python-");
        try
        {
            var executable = Path.Combine(directory.FullName, "python3");
            await using var pool = new PythonWorkerPool(Support.Python.Options(workers: 1) with { Executable = executable, Sandbox = SandboxMode.Off },
                NullLogger<PythonWorkerPool>.Instance);
            pool.Start();
            var engine = new ExecutionEngine(Jobs.Store(User), new ComponentRunners(ComponentRegistry.Builtin, pool), AdapterRegistry.Empty);
            var ct = TestContext.Current.CancellationToken;
            var before = Jobs.Error(await Jobs.AnswerUnlessCancelledAsync(engine, Jobs.Request(PythonComponent.Id(User), ("x", "1")), ct));
            Assert.Contains("Python components cannot run on this host", before["message"]!.GetValue<string>(), StringComparison.Ordinal);

            File.CreateSymbolicLink(executable, Support.Python.Executable);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(90));
            while (pool.LiveWorkers == 0)
            {
                await Task.Delay(50, timeout.Token);
            }
            var after = await Jobs.AnswerUnlessCancelledAsync(engine, Jobs.Request(PythonComponent.Id(User), ("x", "2")), ct);

            Assert.Equal(2, Jobs.Outputs(after)["y"]!.GetValue<long>());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}

/// <summary>Changes PATH, which every pool reads when it starts: runs alone, after the parallel tests.</summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class ProcessEnvironment;

[Collection(typeof(ProcessEnvironment))]
public sealed class RequiredSandboxTests
{
    [Fact]
    public async Task SandboxRequired_NoBubblewrapOnPath_StartRefusesWithAClearMessage()
    {
        var path = Environment.GetEnvironmentVariable("PATH");
        var empty = Directory.CreateTempSubdirectory("runwire-no-bwrap-");
        await using var pool = new PythonWorkerPool(Support.Python.Options(workers: 1), NullLogger<PythonWorkerPool>.Instance);
        try
        {
            Environment.SetEnvironmentVariable("PATH", empty.FullName);

            var refusal = Assert.Throws<InvalidOperationException>(pool.Start);

            Assert.Equal("Runwire:Python:Sandbox=required, but bubblewrap (bwrap) is not installed. "
                + "Install Debian's bubblewrap package or set Runwire:Python:Sandbox=auto.", refusal.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
            empty.Delete();
        }
        Assert.Equal(0, pool.LiveWorkers);
    }
}
