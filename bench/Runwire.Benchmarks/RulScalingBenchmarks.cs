using BenchmarkDotNet.Attributes;
using Runwire.Core.Adapters;
using Runwire.Core.Components;
using Runwire.Core.Contracts;
using Runwire.Core.Engine;
using Runwire.Execution;

namespace Runwire.Benchmarks;

/// <summary>The RUL example (plots off) on 1k to 1M inline points: time and allocations should grow linearly.</summary>
[MemoryDiagnoser]
public class RulScalingBenchmarks
{
    private JobAnswering _answering = null!;
    private byte[] _request = null!;

    [Params(1_000, 10_000, 100_000, 1_000_000)]
    public int Points { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var store = EngineSetup.CreateStore(new RunwireOptions(null, null, []));
        _answering = new JobAnswering(new ExecutionEngine(store, ComponentRegistry.Builtin, AdapterRegistry.Empty));
        _request = RulJobs.Synthetic(Points);
        var answer = _answering.AnswerAsync(_request, CancellationToken.None).GetAwaiter().GetResult();
        if (!answer.Result.Ok)
        {
            throw new InvalidOperationException($"benchmark job failed: {answer.Result.Error}");
        }
    }

    [Benchmark]
    public byte[] RequestToResult() =>
        ResultWriter.ToUtf8(_answering.AnswerAsync(_request, CancellationToken.None).GetAwaiter().GetResult().Result);
}
