using BenchmarkDotNet.Attributes;
using Runwire.Core.Engine;

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
        _answering = RulJobs.Answering();
        _request = RulJobs.Synthetic(Points);
        RulJobs.EnsureOk(_answering, _request);
    }

    [Benchmark]
    public byte[] RequestToResult() => RulJobs.Answer(_answering, _request);
}
