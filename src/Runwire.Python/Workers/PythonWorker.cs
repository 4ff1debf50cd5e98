using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Runwire.Python.Channel;

namespace Runwire.Python.Workers;

/// <summary>
/// One long-lived Python worker process and its channel (a Unix socket in a private directory). It runs one request
/// at a time. What the process writes to stdout/stderr is logged, never read as a message.
/// </summary>
internal sealed partial class PythonWorker : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly string _directory;
    private readonly ILogger _logger;
    private readonly HashSet<string> _modules = [];

    private PythonWorker(int number, Process process, Socket socket, string directory, ILogger logger)
    {
        Number = number;
        _process = process;
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _directory = directory;
        _logger = logger;
    }

    public int Number { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Whether this worker has compiled the module of a code key (then the code need not be sent again).</summary>
    public bool Knows(string key) => _modules.Contains(key);

    public void Learned(string key) => _modules.Add(key);

    public static async Task<PythonWorker> StartAsync(int number, PythonOptions options, Sandbox sandbox, ILogger logger, TimeSpan timeout, CancellationToken ct)
    {
        // Checked up front: inside bubblewrap a missing interpreter would only show as bwrap's exit code.
        if (!File.Exists(Sandbox.ResolveExecutable(options.Executable)))
        {
            throw new WorkerStartException($"'{options.Executable}' was not found; set Runwire:Python:Executable to a Python 3 with pandas");
        }
        var directory = Directory.CreateTempSubdirectory("runwire-py-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(Path.Combine(directory, "worker.sock")));
        listener.Listen(1);
        var process = new Process { StartInfo = sandbox.StartInfo(options, directory), EnableRaisingEvents = true };
        var lastLines = new Queue<string>();
        void OnLine(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }
            lock (lastLines)
            {
                lastLines.Enqueue(e.Data);
                if (lastLines.Count > 20)
                {
                    lastLines.Dequeue();
                }
            }
            LogOutput(logger, number, e.Data);
        }
        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Directory.Delete(directory, recursive: true);
            throw new WorkerStartException($"'{process.StartInfo.FileName}' could not be started ({e.Message}); set Runwire:Python:Executable to a Python 3 with pandas");
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            var accept = listener.AcceptAsync(deadline.Token).AsTask();
            var exited = process.WaitForExitAsync(deadline.Token);
            if (await Task.WhenAny(accept, exited).ConfigureAwait(false) != accept)
            {
                await exited.ConfigureAwait(false);
                throw new WorkerStartException($"the Python worker exited with code {process.ExitCode} before it was ready: {Tail(lastLines)}");
            }
            var worker = new PythonWorker(number, process, await accept.ConfigureAwait(false), directory, logger);
            using var ready = await Frame.ReadAsync(worker._stream, deadline.Token).ConfigureAwait(false);
            if (ready.Op != "ready")
            {
                throw new WorkerStartException($"the Python worker said '{ready.Op}' instead of 'ready'");
            }
            return worker;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
        {
            Kill(process);
            Directory.Delete(directory, recursive: true);
            if (ct.IsCancellationRequested)
            {
                throw;
            }
            throw new WorkerStartException($"the Python worker did not get ready within {timeout.TotalSeconds:0} s: {Tail(lastLines)}");
        }
    }

    /// <summary>Sends one request and reads its answer. A closed channel surfaces as <see cref="EndOfStreamException"/> or <see cref="IOException"/>.</summary>
    public async Task<Frame> RequestAsync(byte[] header, IReadOnlyList<ReadOnlyMemory<byte>> buffers, CancellationToken ct)
    {
        await Frame.WriteAsync(_stream, header, buffers, ct).ConfigureAwait(false);
        return await Frame.ReadAsync(_stream, ct).ConfigureAwait(false);
    }

    /// <summary>Describes how the process ended, for the failure message of the job it was running.</summary>
    public string ExitDescription()
    {
        if (!_process.WaitForExit(2_000))
        {
            return "it stopped answering";
        }
        var code = _process.ExitCode;
        // Without bubblewrap a signal shows as 128+n; bubblewrap passes the child's status on the same way.
        return code > 128 ? $"it was killed by signal {code - 128}{(code - 128 == 9 ? " (SIGKILL, e.g. out of memory)" : "")}" : $"it exited with code {code}";
    }

    public void Kill() => Kill(_process);

    public async ValueTask DisposeAsync()
    {
        Kill(_process);
        await _stream.DisposeAsync().ConfigureAwait(false);
        await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // the directory of a worker killed mid-write may still be in use for a moment; the OS temp cleaner takes it
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    private static string Tail(Queue<string> lines)
    {
        lock (lines)
        {
            return lines.Count == 0 ? "(no output)" : string.Join(" | ", lines.TakeLast(5));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "python worker {Worker}: {Line}")]
    private static partial void LogOutput(ILogger logger, int worker, string line);
}

/// <summary>A worker process that could not be started or did not get ready.</summary>
internal sealed class WorkerStartException(string message) : Exception(message);
