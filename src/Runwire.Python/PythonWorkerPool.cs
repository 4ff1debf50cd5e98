using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Runwire.Core.Components;
using Runwire.Core.Components.Runners;
using Runwire.Core.Contracts;
using Runwire.Core.Data;
using Runwire.Python.Channel;
using Runwire.Python.Workers;

namespace Runwire.Python;

/// <summary>
/// The Python runner: <see cref="PythonOptions.Workers"/> long-lived worker processes, each running one call at a
/// time. A call that runs past the timeout, a worker that dies and a cancelled job each cost one worker, which is
/// killed and replaced in the background; only the job that was running in it fails. Workers start in the background
/// at <see cref="Start"/> (hosts) or at the first Python component (the CLI).
/// </summary>
public sealed partial class PythonWorkerPool : IPythonRunner, IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly PythonOptions _options;
    private readonly ILogger _logger;
    private readonly System.Threading.Channels.Channel<PythonWorker> _idle = System.Threading.Channels.Channel.CreateUnbounded<PythonWorker>();
    private readonly ConcurrentDictionary<int, PythonWorker> _all = new();
    private readonly ConcurrentDictionary<string, Task> _loads = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private Sandbox? _sandbox;
    private string? _unavailable;
    private int _started;
    private int _nextNumber;
    private int _failedStarts;

    public PythonWorkerPool(PythonOptions options, ILogger<PythonWorkerPool> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger;
    }

    /// <summary>Workers that are up (idle or busy).</summary>
    public int LiveWorkers => _all.Count;

    /// <summary>Why Python components cannot run on this host, or null.</summary>
    public string? Unavailable => _unavailable;

    /// <summary>The sandbox the workers run in (known after <see cref="Start"/>).</summary>
    public string? SandboxDescription => _sandbox?.Description;

    /// <summary>
    /// Chooses the sandbox and starts the workers in the background. Throws when <see cref="SandboxMode.Required"/>
    /// cannot be met, so a host configured that way refuses to start. Idempotent.
    /// </summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_started++ > 0)
            {
                return;
            }
            _sandbox = Sandbox.Choose(_options.Sandbox);
        }
        if (_sandbox.IsIsolated)
        {
            LogSandbox(_logger, _sandbox.Description);
        }
        else
        {
            LogNoSandbox(_logger, _sandbox.Description);
        }
        var script = Path.Combine(_options.WorkerDirectory, "runwire_worker.py");
        if (!File.Exists(script))
        {
            _unavailable = $"the Python worker's files are missing ({script})";
            return;
        }
        _ = StartWorkersAsync();
    }

    // The first worker starts alone, so on a small machine it shares the cores only with the host's own start-up and
    // the first Python job can run sooner; the others follow once it is up.
    private async Task StartWorkersAsync()
    {
        await StartWorkerAsync().ConfigureAwait(false);
        for (var i = 1; i < _options.Workers; i++)
        {
            _ = StartWorkerAsync();
        }
    }

    public async ValueTask LoadAsync(PythonCode code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        var load = _loads.GetOrAdd(code.Key, _ => LoadOnceAsync(code));
        try
        {
            await load.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not ComponentLoadException and not OperationCanceledException)
        {
            // A worker that died while loading says nothing about the code: try again next time.
            _loads.TryRemove(KeyValuePair.Create(code.Key, load));
            throw new ComponentLoadException(e.Message);
        }
    }

    private async Task LoadOnceAsync(PythonCode code)
    {
        using var answer = await RequestAsync(code, "load", null, _stopping.Token).ConfigureAwait(false);
        if (answer.Op == "error")
        {
            var (type, message) = (answer.Root.GetProperty("type").GetString(), answer.Root.GetProperty("message").GetString());
            LogLoadFailed(_logger, code.Key[..12], type, message);
            throw new ComponentLoadException($"{type}: {message}", Text(answer.Root, "traceback"));
        }
    }

    public async ValueTask<IReadOnlyDictionary<string, object?>> CallAsync(PythonCode code, ComponentInputs inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(inputs);
        using var answer = await RequestAsync(code, "call", inputs, cancellationToken).ConfigureAwait(false);
        var root = answer.Root;
        LogComponentOutput(root);
        if (answer.Op == "error")
        {
            throw ComponentError(root);
        }
        var reader = new ValueReader(answer.Buffers);
        var outputs = new Dictionary<string, object?>();
        foreach (var output in root.GetProperty("outputs").EnumerateObject())
        {
            outputs[output.Name] = reader.Read(output.Value);
        }
        return outputs;
    }

    /// <summary>Rents a worker, sends one request, and gives the worker back, or kills and replaces it when the call went wrong.</summary>
    private async Task<Frame> RequestAsync(PythonCode code, string op, ComponentInputs? inputs, CancellationToken ct)
    {
        var worker = await RentAsync(ct).ConfigureAwait(false);
        var (header, buffers) = Request(code, op, inputs, sendCode: !worker.Knows(code.Key));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct, _stopping.Token);
        timeout.CancelAfter(_options.CallTimeout);
        try
        {
            var answer = await worker.RequestAsync(header, buffers, timeout.Token).ConfigureAwait(false);
            worker.Learned(code.Key);
            _idle.Writer.TryWrite(worker);
            return answer;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested && !_stopping.IsCancellationRequested)
        {
            await ReplaceAsync(worker).ConfigureAwait(false);
            throw new PyException("ComponentTimeoutError",
                $"The component ran longer than {_options.CallTimeout.TotalSeconds:0} s (Runwire:Python:CallTimeoutSeconds); its worker was stopped.");
        }
        catch (OperationCanceledException)
        {
            await ReplaceAsync(worker).ConfigureAwait(false);
            throw;
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or System.Net.Sockets.SocketException or ObjectDisposedException)
        {
            var how = worker.ExitDescription();
            await ReplaceAsync(worker).ConfigureAwait(false);
            throw new PyException("WorkerCrashedError",
                $"The Python worker running the component died ({how}); the component's work was lost. Other jobs are not affected.");
        }
    }

    private static (byte[] Header, List<ReadOnlyMemory<byte>> Buffers) Request(PythonCode code, string op, ComponentInputs? inputs, bool sendCode)
    {
        var buffers = new List<ReadOnlyMemory<byte>>();
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            json.WriteString("op", op);
            json.WriteString("key", code.Key);
            json.WriteString("function", code.Function);
            if (sendCode)
            {
                json.WriteString("code", code.Code);
            }
            if (inputs is not null)
            {
                var values = new ValueWriter(json, buffers);
                json.WriteStartObject("inputs");
                foreach (var (name, value) in inputs.Values)
                {
                    json.WritePropertyName(name);
                    values.Write(value);
                }
                json.WriteEndObject();
            }
            json.WriteStartArray("buffers");
            foreach (var buffer in buffers)
            {
                json.WriteNumberValue(buffer.Length);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return (output.WrittenSpan.ToArray(), buffers);
    }

    private async Task<PythonWorker> RentAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _started) == 0)
        {
            Start();
        }
        while (true)
        {
            if (_unavailable is { } reason && _all.IsEmpty)
            {
                throw new ComponentLoadException($"Python components cannot run on this host: {reason}.");
            }
            if (_idle.Reader.TryRead(out var idle))
            {
                if (!idle.HasExited)
                {
                    return idle;
                }
                await ReplaceAsync(idle).ConfigureAwait(false);
                continue;
            }
            // Wait for a worker to come back, or for the pool to learn that none can start.
            using var poll = CancellationTokenSource.CreateLinkedTokenSource(ct);
            poll.CancelAfter(TimeSpan.FromSeconds(1));
            try
            {
                await _idle.Reader.WaitToReadAsync(poll.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // re-check availability
            }
        }
    }

    private async Task ReplaceAsync(PythonWorker worker)
    {
        worker.Kill();
        _all.TryRemove(worker.Number, out _);
        await worker.DisposeAsync().ConfigureAwait(false);
        if (!_stopping.IsCancellationRequested)
        {
            LogReplacing(_logger, worker.Number);
            _ = StartWorkerAsync();
        }
    }

    private async Task StartWorkerAsync()
    {
        var number = Interlocked.Increment(ref _nextNumber);
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                var worker = await PythonWorker.StartAsync(number, _options, _sandbox!, _logger, StartTimeout, _stopping.Token).ConfigureAwait(false);
                _all[number] = worker;
                _unavailable = null;
                Interlocked.Exchange(ref _failedStarts, 0);
                LogStarted(_logger, number, worker.ProcessId);
                _idle.Writer.TryWrite(worker);
                return;
            }
            catch (WorkerStartException e)
            {
                _unavailable = e.Message;
                var failures = Interlocked.Increment(ref _failedStarts);
                LogStartFailed(_logger, number, e.Message);
                // Back off so that a Python without pandas does not turn into a busy loop of process starts.
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, failures)), _stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static PyException ComponentError(JsonElement root)
    {
        var stage = Text(root, "stage");
        var type = Text(root, "type") ?? "Exception";
        var message = Text(root, "message") ?? "";
        if (stage == "load")
        {
            throw new ComponentLoadException($"{type}: {message}", Text(root, "traceback"));
        }
        var extra = root.TryGetProperty("extra_information", out var info) && info.ValueKind == JsonValueKind.Object
            ? System.Text.Json.Nodes.JsonNode.Parse(info.GetRawText()) as System.Text.Json.Nodes.JsonObject
            : null;
        object? code = root.TryGetProperty("error_code", out var c) ? c.ValueKind switch
        {
            JsonValueKind.Number => c.GetInt64(),
            JsonValueKind.String => c.GetString(),
            _ => null,
        } : null;
        ErrorLocation? location = root.TryGetProperty("location", out var l) && l.ValueKind == JsonValueKind.Object
            ? new ErrorLocation(Text(l, "file") ?? "COMPONENT CODE", Text(l, "function") ?? "main", l.TryGetProperty("line_number", out var n) && n.TryGetInt32(out var line) ? line : 0)
            : null;
        return new PyException(type, message)
        {
            ErrorCode = code,
            ExtraInformation = extra,
            Traceback = Text(root, "traceback"),
            Location = location,
        };
    }

    private void LogComponentOutput(JsonElement root)
    {
        if (!root.TryGetProperty("logs", out var logs) || logs.ValueKind != JsonValueKind.Array)
        {
            return;
        }
        if (!_logger.IsEnabled(LogLevel.Information))
        {
            return;
        }
        foreach (var line in logs.EnumerateArray())
        {
            var text = line.GetString();
            LogPrinted(_logger, text);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _idle.Writer.TryComplete();
        foreach (var worker in _all.Values)
        {
            await worker.DisposeAsync().ConfigureAwait(false);
        }
        _all.Clear();
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Sandbox}")]
    private static partial void LogSandbox(ILogger logger, string sandbox);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Sandbox}")]
    private static partial void LogNoSandbox(ILogger logger, string sandbox);

    [LoggerMessage(Level = LogLevel.Information, Message = "Python worker {Worker} started (pid {Pid})")]
    private static partial void LogStarted(ILogger logger, int worker, int pid);

    [LoggerMessage(Level = LogLevel.Error, Message = "Python worker {Worker} could not start: {Reason}")]
    private static partial void LogStartFailed(ILogger logger, int worker, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replacing Python worker {Worker}")]
    private static partial void LogReplacing(ILogger logger, int worker);

    [LoggerMessage(Level = LogLevel.Information, Message = "Python component code {Key} does not load: {Type}: {Message}")]
    private static partial void LogLoadFailed(ILogger logger, string key, string? type, string? message);

    [LoggerMessage(Level = LogLevel.Information, Message = "component output: {Line}")]
    private static partial void LogPrinted(ILogger logger, string? line);
}
