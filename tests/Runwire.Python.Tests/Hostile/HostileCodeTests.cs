using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Runwire.Core.Engine;
using Runwire.Python.Tests.Support;

namespace Runwire.Python.Tests.Hostile;

/// <summary>
/// Component code that attacks the host or itself: each job gets one failure answer that says what happened, at
/// EXECUTING_COMPONENT_CODE (PARSING_WORKFLOW when the code does not load), and the next job on the same one-worker pool
/// runs normally. The pool is this class's own (3 s call timeout), so the shared pool never loses a worker.
/// </summary>
public sealed class HostileCodeTests(OwnPool own) : IClassFixture<OwnPool>
{
    private static readonly JsonObject Healthy = PythonComponent.Create("Healthy", [("x", "INT", null)], [("y", "INT")], """return {"y": x + 1}""");

    [Fact]
    public async Task EndlessLoop_Job_FailsWithComponentTimeoutErrorAndNextJobRuns()
    {
        var loop = PythonComponent.Create("Endless Loop", [("x", "INT", null)], [("y", "INT")], "while True:\n    x += 1");
        var engine = own.Engine(Jobs.Store(loop, Healthy));
        var clock = Stopwatch.StartNew();

        var error = Jobs.Error(await Jobs.AnswerAsync(engine, PythonComponent.Id(loop), ("x", "1")));

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2.9), $"answered after {clock.Elapsed}, before the 3 s timeout");
        AssertExecutionError(error, "ComponentTimeoutError", "Endless Loop");
        Assert.Equal("The component ran longer than 3 s (Runwire:Python:CallTimeoutSeconds); its worker was stopped.", error["message"]!.GetValue<string>());
        await AssertNextJobRunsAsync(engine);
    }

    [Fact]
    public async Task TenGigabyteAllocation_Job_FailsWithMemoryErrorAndTheWorkerServes()
    {
        var hog = PythonComponent.Create("Memory Hog", [("gigabytes", "INT", null)], [("size", "INT")],
            """
            data = bytearray(gigabytes * 1024 ** 3)
            return {"size": len(data)}
            """);
        var engine = own.Engine(Jobs.Store(hog, Healthy));

        var error = Jobs.Error(await Jobs.AnswerAsync(engine, PythonComponent.Id(hog), ("gigabytes", "10")));

        AssertExecutionError(error, "MemoryError", "Memory Hog");
        Assert.Equal(1, own.Pool.LiveWorkers);
        await AssertNextJobRunsAsync(engine);
    }

    [Fact]
    public async Task ConnectToListeningLoopbackPort_Job_FailsAndNothingReachesTheListener()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var caller = PythonComponent.Create("Phone Home", [("port", "INT", null)], [("sent", "BOOLEAN")],
            """
            with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
                connection.sendall(b"the host's secrets")
            return {"sent": True}
            """, imports: "import socket");
        var engine = own.Engine(Jobs.Store(caller, Healthy));

        var error = Jobs.Error(await Jobs.AnswerAsync(engine, PythonComponent.Id(caller), ("port", port.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        Assert.False(listener.Pending(), "the component's connection reached the host's listener");
        AssertExecutionError(error, "ConnectionRefusedError", "Phone Home");
        Assert.Equal("[Errno 111] Connection refused", error["message"]!.GetValue<string>());
        await AssertNextJobRunsAsync(engine);
    }

    [Fact]
    public async Task ReadFileOutsideTheSandbox_Job_FailsWithFileNotFoundError()
    {
        var directory = Directory.CreateTempSubdirectory("runwire-secret-");
        try
        {
            var secret = Path.Combine(directory.FullName, "secret.txt");
            await File.WriteAllTextAsync(secret, "the host's password", TestContext.Current.CancellationToken);
            var reader = PythonComponent.Create("Snoop", [("path", "STRING", null)], [("content", "STRING")],
                """
                with open(path) as file:
                    return {"content": file.read()}
                """);
            var engine = own.Engine(Jobs.Store(reader, Healthy));

            var result = await Jobs.AnswerAsync(engine, PythonComponent.Id(reader), ("path", secret));

            var error = Jobs.Error(result);
            AssertExecutionError(error, "FileNotFoundError", "Snoop");
            Assert.Equal($"[Errno 2] No such file or directory: '{secret}'", error["message"]!.GetValue<string>());
            Assert.DoesNotContain("password", result.ToJsonString(), StringComparison.Ordinal);
            await AssertNextJobRunsAsync(engine);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task OverwriteTheWorkersOwnCode_Job_FailsWithReadOnlyFileSystem()
    {
        // The most tempting target outside /tmp: hdutils.py, which every later job imports.
        var hdutils = Path.Combine(Support.Python.WorkerDirectory, "hdutils.py");
        var before = SHA256.HashData(await File.ReadAllBytesAsync(hdutils, TestContext.Current.CancellationToken));
        var vandal = PythonComponent.Create("Vandal", [("x", "INT", null)], [("y", "INT")],
            """
            with open(os.path.join(os.path.dirname(hdutils.__file__), "hdutils.py"), "a") as file:
                file.write("raise SystemExit")
            return {"y": x}
            """, imports: "import os\nimport hdutils");
        var engine = own.Engine(Jobs.Store(vandal, Healthy));

        var error = Jobs.Error(await Jobs.AnswerAsync(engine, PythonComponent.Id(vandal), ("x", "1")));

        AssertExecutionError(error, "OSError", "Vandal");
        Assert.Equal($"[Errno 30] Read-only file system: '{hdutils}'", error["message"]!.GetValue<string>());
        Assert.Equal(before, SHA256.HashData(await File.ReadAllBytesAsync(hdutils, TestContext.Current.CancellationToken)));
        await AssertNextJobRunsAsync(engine);
    }

    [Fact]
    public async Task WriteIntoTmp_Job_WritesIntoAPrivateTmpTheHostDoesNotSee()
    {
        var name = $"runwire-leak-{Guid.NewGuid():N}.txt";
        var writer = PythonComponent.Create("Tmp Writer", [("name", "STRING", null)], [("read_back", "STRING")],
            """
            path = "/tmp/" + name
            with open(path, "w") as file:
                file.write("scratch")
            with open(path) as file:
                return {"read_back": file.read()}
            """);
        var engine = own.Engine(Jobs.Store(writer, Healthy));

        var outputs = Jobs.Outputs(await Jobs.AnswerAsync(engine, PythonComponent.Id(writer), ("name", name)));

        Assert.Equal("scratch", outputs["read_back"]!.GetValue<string>());
        Assert.False(File.Exists(Path.Combine("/tmp", name)), "the component's /tmp is the host's /tmp");
    }

    [Fact]
    public async Task OsExit_Job_FailsWithWorkerCrashedErrorAndThePoolReplacesTheWorker()
    {
        var quitter = PythonComponent.Create("Quitter", [("x", "INT", null)], [("y", "INT")], "os._exit(1)", imports: "import os");
        var engine = own.Engine(Jobs.Store(quitter, Healthy));

        var error = Jobs.Error(await Jobs.AnswerAsync(engine, PythonComponent.Id(quitter), ("x", "1")));

        AssertExecutionError(error, "WorkerCrashedError", "Quitter");
        Assert.Equal("The Python worker running the component died (it exited with code 1); the component's work was lost. Other jobs are not affected.",
            error["message"]!.GetValue<string>());
        await own.WaitForLiveWorkersAsync(1);
        await AssertNextJobRunsAsync(engine);
    }

    [Fact]
    public async Task SyntaxError_Job_FailsWithNodeFunctionLoadingError()
    {
        var broken = PythonComponent.Create("Broken", [("x", "INT", null)], [("y", "INT")], """return {"y": x +}""");
        var engine = own.Engine(Jobs.Store(broken, Healthy));

        var result = await Jobs.AnswerAsync(engine, PythonComponent.Id(broken), ("x", "1"));

        AssertLoadError(result, PythonComponent.Id(broken), "SyntaxError: invalid syntax");
        await AssertNextJobRunsAsync(engine);
    }

    [Fact]
    public async Task MissingModule_Job_FailsWithNodeFunctionLoadingError()
    {
        var needy = PythonComponent.Create("Needy", [("x", "INT", null)], [("y", "INT")], """return {"y": x}""", imports: "import hetida_magic_tools");
        var engine = own.Engine(Jobs.Store(needy, Healthy));

        var result = await Jobs.AnswerAsync(engine, PythonComponent.Id(needy), ("x", "1"));

        AssertLoadError(result, PythonComponent.Id(needy), "ModuleNotFoundError: No module named 'hetida_magic_tools'");
        await AssertNextJobRunsAsync(engine);
    }

    private static void AssertExecutionError(JsonObject error, string type, string component)
    {
        Assert.Equal(type, error["type"]!.GetValue<string>());
        Assert.Equal("EXECUTING_COMPONENT_CODE", error["process_stage"]!.GetValue<string>());
        Assert.Equal(component, error["operator_info"]!["transformation_info"]!["name"]!.GetValue<string>());
    }

    // hetida's answer: the error names the code module (no operator info), the traceback the cause.
    private static void AssertLoadError(JsonObject result, Guid id, string cause)
    {
        var error = Jobs.Error(result);
        Assert.Equal("NodeFunctionLoadingError", error["type"]!.GetValue<string>());
        Assert.Equal("PARSING_WORKFLOW", error["process_stage"]!.GetValue<string>());
        Assert.Equal($"Could not load node function (Code module uuid: {id}, Component uuid: {id}, function name: main)", error["message"]!.GetValue<string>());
        Assert.Null(error["operator_info"]);
        Assert.Contains(cause, result["traceback"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static async Task AssertNextJobRunsAsync(ExecutionEngine engine)
    {
        var outputs = Jobs.Outputs(await Jobs.AnswerAsync(engine, PythonComponent.Id(Healthy), ("x", "41")));
        Assert.Equal(42, outputs["y"]!.GetValue<long>());
    }
}
