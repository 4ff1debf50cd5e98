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
    private readonly IdleWorkers _idle = new();
    private readonly ConcurrentDictionary<int, PythonWorker> _all = new();
    private readonly ConcurrentDictionary<string, Task<ComponentLoadException?>> _loads = new();

    // Every code this pool was asked to run, so a worker can load the module a pickled input's class comes from.
    private readonly ConcurrentDictionary<string, PythonCode> _codes = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private Sandbox? _sandbox;
    private string? _unavailable;
    private int _started;
    private int _nextNumber;
    private int _failedStarts;
    private int _disposed;

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
        ComponentLoadException? refused;
        try
        {
            refused = await load.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // No worker to load it, or one that died or timed out while loading, says nothing about the code: only the
            // code's own verdict is kept, so a host whose workers come up (again) loads it next time.
            _loads.TryRemove(KeyValuePair.Create(code.Key, load));
            throw e as ComponentLoadException ?? new ComponentLoadException(e.Message);
        }
        if (refused is not null)
        {
            throw new ComponentLoadException(refused.Message, refused.Traceback);
        }
    }

    /// <summary>The worker's verdict on the code: null when it loads, else why not. Throws when no worker could say.</summary>
    private async Task<ComponentLoadException?> LoadOnceAsync(PythonCode code)
    {
        using var answer = await RequestAsync(code, "load", null, _stopping.Token).ConfigureAwait(false);
        if (answer.Op != "error")
        {
            return null;
        }
        var (type, message) = (answer.Root.GetProperty("type").GetString(), answer.Root.GetProperty("message").GetString());
        LogLoadFailed(_logger, code.Key[..12], type, message);
        return new ComponentLoadException($"{type}: {message}", Text(answer.Root, "traceback"));
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
        _codes.TryAdd(code.Key, code);
        var worker = await RentAsync(ct).ConfigureAwait(false);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct, _stopping.Token);
        timeout.CancelAfter(_options.CallTimeout);
        try
        {
            await LoadModulesOfInputsAsync(worker, inputs, timeout.Token).ConfigureAwait(false);
            var (header, buffers) = Request(code, op, inputs, sendCode: !worker.Knows(code.Key));
            var answer = await worker.RequestAsync(header, buffers, timeout.Token).ConfigureAwait(false);
            if (!IsLoadFailure(answer))
            {
                worker.Learned(code.Key);
            }
            _idle.Return(worker);
            return answer;
        }
        catch (PyException)
        {
            // An input that cannot be passed to Python fails the job before anything is sent: the worker is still good.
            _idle.Return(worker);
            throw;
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

    /// <summary>
    /// A pickled input whose class was defined in component code can only be unpickled where that module is loaded:
    /// load it on this worker first (another worker may have produced the object).
    /// </summary>
    private async Task LoadModulesOfInputsAsync(PythonWorker worker, ComponentInputs? inputs, CancellationToken ct)
    {
        if (inputs is null)
        {
            return;
        }
        foreach (var value in inputs.Values.Values)
        {
            if (value is not PythonObject python)
            {
                continue;
            }
            foreach (var key in python.ModuleKeys.Where(k => !worker.Knows(k)))
            {
                if (!_codes.TryGetValue(key, out var module))
                {
                    continue; // the worker answers with a clear decode error naming the module
                }
                var (header, buffers) = Request(module, "load", null, sendCode: true);
                using var answer = await worker.RequestAsync(header, buffers, ct).ConfigureAwait(false);
                if (!IsLoadFailure(answer))
                {
                    worker.Learned(key);
                }
            }
        }
    }

    private static bool IsLoadFailure(Frame answer) =>
        answer.Op == "error" && answer.Root.TryGetProperty("stage", out var stage) && stage.GetString() is "load" or "protocol";

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
            if (_idle.TryTake(out var idle))
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
                await _idle.WaitAsync(poll.Token).ConfigureAwait(false);
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
                _idle.Return(worker);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Any failure, an unexpected one included, must reach the jobs waiting in RentAsync as a reason: an
                // exception left in this discarded task would leave them waiting for a worker that never comes.
                _unavailable = e.Message;
                var failures = Interlocked.Increment(ref _failedStarts);
                // Said once per streak: a host without Python keeps serving C# jobs and should not fill its log.
                if (failures == 1)
                {
                    LogStartFailed(_logger, number, e.Message);
                }
                else
                {
                    LogStillFailing(_logger, number, e.Message);
                }
                // Back off so that a Python without pandas does not turn into a busy loop of process starts.
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, failures)), _stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
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
        // A host stops the pool (PoolStarter.StopAsync) and then its container disposes the singleton: once is enough.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        await _stopping.CancelAsync().ConfigureAwait(false);
        _idle.Complete();
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Python worker {Worker} could not start: {Reason}. Python components fail until a worker starts; C# components are not affected. Retrying in the background.")]
    private static partial void LogStartFailed(ILogger logger, int worker, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Python worker {Worker} still could not start: {Reason}")]
    private static partial void LogStillFailing(ILogger logger, int worker, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replacing Python worker {Worker}")]
    private static partial void LogReplacing(ILogger logger, int worker);

    [LoggerMessage(Level = LogLevel.Information, Message = "Python component code {Key} does not load: {Type}: {Message}")]
    private static partial void LogLoadFailed(ILogger logger, string key, string? type, string? message);

    [LoggerMessage(Level = LogLevel.Information, Message = "component output: {Line}")]
    private static partial void LogPrinted(ILogger logger, string? line);
}
