using System.CommandLine;
using Runwire.Host.Serve;

namespace Runwire.Host.Cli;

/// <summary>The <c>runwire</c> command line: <c>run</c> executes request files, <c>serve</c> hosts everything in one process.</summary>
internal static class RunwireCommand
{
    /// <summary>Signals are left to each verb: <c>serve</c>'s host stops gracefully, which the 2 s default would cut short.</summary>
    public static InvocationConfiguration Invocation { get; } = new() { ProcessTerminationTimeout = null };

    public static RootCommand Create()
    {
        var root = new RootCommand("Runwire: run hetida designer workflows on jobs from files, HTTP or Kafka.");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ComponentsCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        return root;
    }
}
