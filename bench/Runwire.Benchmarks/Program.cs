using System.Globalization;
using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "--tracing-cpu")
{
    await Runwire.Benchmarks.TracingCpu.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Runwire.Benchmarks.RulExampleBenchmarks).Assembly).Run(args);
