using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Runwire.Core.Adapters;
using Runwire.Core.Components;
using Runwire.Core.Components.Runners;
using Runwire.Core.Contracts;
using Runwire.Core.Engine;
using Runwire.Execution;
using Runwire.Python;

namespace Runwire.PythonBench;

/// <summary>
/// Runwire's engine as a host builds it (shipped transformations plus the benchmark's import, the C# components and a
/// real Python worker pool with the default sandbox), answering request bytes with result bytes as a Kafka job does.
/// </summary>
internal sealed class InProcessRunwire : IAsyncDisposable
{
    private InProcessRunwire(PythonWorkerPool pool, JobAnswering answering)
    {
        Pool = pool;
        Answering = answering;
    }

    public PythonWorkerPool Pool { get; }

    public JobAnswering Answering { get; }

    public static async Task<InProcessRunwire> StartAsync(string importDirectory, string python, int workers)
    {
        var pool = await StartPoolAsync(python, workers);
        var store = EngineSetup.CreateStore(new RunwireOptions(null, null, [importDirectory]));
        var engine = new ExecutionEngine(store, new ComponentRunners(ComponentRegistry.Builtin, pool), AdapterRegistry.Empty);
        return new InProcessRunwire(pool, new JobAnswering(engine));
    }

    /// <summary>A pool whose workers are all up (the benchmark times calls, not process starts).</summary>
    public static async Task<PythonWorkerPool> StartPoolAsync(string python, int workers)
    {
        var pool = new PythonWorkerPool(new PythonOptions { Executable = python, Workers = workers }, NullLogger<PythonWorkerPool>.Instance);
        pool.Start();
        var deadline = Stopwatch.StartNew();
        while (pool.LiveWorkers < workers)
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(120))
            {
                throw new InvalidOperationException($"the Python workers did not start: {pool.Unavailable}");
            }
            await Task.Delay(50);
        }
        return pool;
    }

    /// <summary>Request bytes to result bytes, the path of a Kafka job (decode, execute, encode).</summary>
    public async Task<byte[]> AnswerAsync(byte[] request)
    {
        var answer = await Answering.AnswerAsync(request, CancellationToken.None);
        return ResultWriter.ToUtf8(answer.Result);
    }

    /// <summary>Seconds for <paramref name="jobs"/> jobs one after the other.</summary>
    public async Task<double> RunAsync(byte[] request, int jobs)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < jobs; i++)
        {
            await AnswerAsync(request);
        }
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Seconds for <paramref name="jobs"/> jobs with <paramref name="parallel"/> of them in flight at any time.</summary>
    public async Task<double> RunParallelAsync(byte[] request, int jobs, int parallel)
    {
        var left = jobs;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref left) >= 0)
            {
                await AnswerAsync(request);
            }
        })));
        return clock.Elapsed.TotalSeconds;
    }

    public ValueTask DisposeAsync() => Pool.DisposeAsync();
}
