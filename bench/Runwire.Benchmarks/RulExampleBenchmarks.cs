using BenchmarkDotNet.Attributes;
using Runwire.Core.Engine;
using Runwire.Execution;

namespace Runwire.Benchmarks;

/// <summary>
/// Request bytes to result bytes for the RUL example with its stored 1000-point test wiring, the path a Kafka job takes
/// (decode, execute, encode). hetida's consumer needs about 27–42 ms (plots off) and ~750 ms (plots on) on this machine.
/// </summary>
[MemoryDiagnoser]
public class RulExampleBenchmarks
{
    private JobAnswering _answering = null!;
    private byte[] _plotsOff = null!;
    private byte[] _plotsOn = null!;

    [GlobalSetup]
    public void Setup()
    {
        _answering = RulJobs.Answering();
        _plotsOff = RulJobs.TestWiring(EngineSetup.ShippedTransformationsDirectory, plots: false);
        _plotsOn = RulJobs.TestWiring(EngineSetup.ShippedTransformationsDirectory, plots: true);
        RulJobs.EnsureOk(_answering, _plotsOff);
        RulJobs.EnsureOk(_answering, _plotsOn);
    }

    [Benchmark(Baseline = true)]
    public byte[] PlotsOff() => RulJobs.Answer(_answering, _plotsOff);

    [Benchmark]
    public byte[] PlotsOn() => RulJobs.Answer(_answering, _plotsOn);
}
