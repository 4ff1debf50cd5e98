using BenchmarkDotNet.Attributes;
using Runwire.Core.Adapters;
using Runwire.Core.Components;
using Runwire.Core.Contracts;
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
        var store = EngineSetup.CreateStore(new RunwireOptions(null, null, []));
        _answering = new JobAnswering(new ExecutionEngine(store, ComponentRegistry.Builtin, AdapterRegistry.Empty));
        _plotsOff = RulJobs.TestWiring(EngineSetup.ShippedTransformationsDirectory, plots: false);
        _plotsOn = RulJobs.TestWiring(EngineSetup.ShippedTransformationsDirectory, plots: true);
        Check(_plotsOff);
        Check(_plotsOn);
    }

    [Benchmark(Baseline = true)]
    public byte[] PlotsOff() => Run(_plotsOff);

    [Benchmark]
    public byte[] PlotsOn() => Run(_plotsOn);

    private byte[] Run(byte[] request) =>
        ResultWriter.ToUtf8(_answering.AnswerAsync(request, CancellationToken.None).GetAwaiter().GetResult().Result);

    private void Check(byte[] request)
    {
        var answer = _answering.AnswerAsync(request, CancellationToken.None).GetAwaiter().GetResult();
        if (!answer.Result.Ok)
        {
            throw new InvalidOperationException($"benchmark job failed: {answer.Result.Error}");
        }
    }
}
