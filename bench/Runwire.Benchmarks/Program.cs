using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Runwire.Benchmarks.RulExampleBenchmarks).Assembly).Run(args);
