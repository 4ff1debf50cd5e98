using BenchmarkDotNet.Attributes;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Runwire.Core.Engine;
using Runwire.Core.Telemetry;
using Runwire.Execution;

namespace Runwire.Benchmarks;

/// <summary>
/// What the engine's spans add to one RUL job (1000-point test wiring, request bytes to result bytes): no listener
/// (tracing off), spans recorded but not exported, and spans handed to a batch exporter that discards them.
/// </summary>
[MemoryDiagnoser]
public class TracingOverheadBenchmarks
{
    private JobAnswering _answering = null!;
    private byte[] _job = null!;
    private TracerProvider? _provider;

    public enum Mode
    {
        Off,
        Recorded,
        Batched,
    }

    [Params(Mode.Off, Mode.Recorded, Mode.Batched)]
    public Mode Tracing { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _answering = RulJobs.Answering();
        _job = RulJobs.TestWiring(EngineSetup.ShippedTransformationsDirectory, plots: false);
        var builder = Sdk.CreateTracerProviderBuilder().AddSource(RunwireTelemetry.Name).SetSampler(new AlwaysOnSampler());
        _provider = Tracing switch
        {
            Mode.Recorded => builder.Build(),
            Mode.Batched => builder.AddProcessor(new BatchActivityExportProcessor(new DiscardingExporter())).Build(),
            _ => null,
        };
        RulJobs.EnsureOk(_answering, _job);
    }

    [GlobalCleanup]
    public void Cleanup() => _provider?.Dispose();

    [Benchmark]
    public byte[] Job()
    {
        using var root = RunwireTelemetry.Start("process bench");
        return RulJobs.Answer(_answering, _job);
    }
}
