using System.CommandLine;

namespace Runwire.Host.Cli;

/// <summary>The <c>runwire</c> command line: <c>run</c> executes request files; more verbs join as the hosts grow.</summary>
internal static class RunwireCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Runwire: run hetida designer workflows on jobs from files, HTTP or Kafka.");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ComponentsCommand.Create());
        return root;
    }
}
