using System.Runtime.InteropServices;
using Runwire.TestBroker;

// runwire-test-broker [--brokers N] [--topic NAME[:PARTITIONS]]... [--bootstrap-file PATH] [--control]
// Prints "BOOTSTRAP=host:port,..." as its first line and runs until SIGTERM/SIGINT (or, with --control, until stdin closes).
var options = BrokerOptions.Parse(args);
if (options is null)
{
    await Console.Error.WriteLineAsync(BrokerOptions.Usage);
    return 2;
}

using var cluster = new MockCluster(options.Brokers);
foreach (var (name, partitions) in options.Topics)
{
    cluster.CreateTopic(name, partitions);
}
var bootstrap = cluster.Bootstrap;
if (options.BootstrapFile is not null)
{
    await File.WriteAllTextAsync(options.BootstrapFile, bootstrap);
}
Console.WriteLine($"BOOTSTRAP={bootstrap}");
Console.Out.Flush();

using var stop = new CancellationTokenSource();
void OnSignal(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);

if (options.Control)
{
    // A test harness that dies closes our stdin, so the broker never outlives it.
    _ = Task.Run(() => new ControlLoop(cluster, Console.In, Console.Out).Run(stop));
}
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}
return 0;
