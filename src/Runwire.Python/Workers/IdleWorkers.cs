using System.Diagnostics.CodeAnalysis;

namespace Runwire.Python.Workers;

/// <summary>
/// The idle workers of a pool, most recently returned first. Calls that come one after another then keep going to the
/// same worker, whose process is still warm, instead of waking each sleeping worker in turn (with two workers that
/// alternation cost about 0.4 ms per call here; see docs/python-performance.md).
/// </summary>
internal sealed class IdleWorkers
{
    private readonly Lock _gate = new();
    private readonly Stack<PythonWorker> _workers = new();
    private TaskCompletionSource _returned = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _completed;

    public bool TryTake([NotNullWhen(true)] out PythonWorker? worker)
    {
        lock (_gate)
        {
            return _workers.TryPop(out worker);
        }
    }

    /// <summary>Gives a worker back and wakes those waiting; after <see cref="Complete"/> it is not kept.</summary>
    public void Return(PythonWorker worker)
    {
        TaskCompletionSource returned;
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }
            _workers.Push(worker);
            returned = _returned;
            _returned = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        returned.TrySetResult();
    }

    /// <summary>Completes when a worker may be idle (or the pool stops); the caller tries to take one again.</summary>
    public Task WaitAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            return _workers.Count > 0 || _completed ? Task.CompletedTask : _returned.Task.WaitAsync(ct);
        }
    }

    public void Complete()
    {
        TaskCompletionSource returned;
        lock (_gate)
        {
            _completed = true;
            returned = _returned;
        }
        returned.TrySetResult();
    }
}
