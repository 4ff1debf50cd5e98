using Microsoft.Extensions.Logging.Abstractions;
using Runwire.Core.Adapters;
using Runwire.Core.Components;
using Runwire.Core.Components.Runners;
using Runwire.Core.Engine;
using Runwire.Core.Transformations;

namespace Runwire.Python.Tests.Support;

/// <summary>
/// A pool of its own for tests that kill workers or run them into the timeout, so the shared pool never waits for a
/// replacement: one worker (so the next job runs where the hostile one ran) and a 3 s call timeout.
/// </summary>
public sealed class OwnPool : IAsyncDisposable
{
    public OwnPool()
    {
        Pool = new PythonWorkerPool(Python.Options(workers: 1, timeoutSeconds: 3), NullLogger<PythonWorkerPool>.Instance);
        Pool.Start();
    }

    public PythonWorkerPool Pool { get; }

    public ExecutionEngine Engine(TransformationStore store, ComponentRunner prefer = ComponentRunner.CSharp) =>
        new(store, new ComponentRunners(ComponentRegistry.Builtin, Pool, prefer), AdapterRegistry.Empty);

    /// <summary>Waits until the pool has <paramref name="count"/> live workers again (a replacement takes a Python start-up).</summary>
    public async Task WaitForLiveWorkersAsync(int count = 1)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        while (Pool.LiveWorkers != count)
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    public ValueTask DisposeAsync() => Pool.DisposeAsync();
}
