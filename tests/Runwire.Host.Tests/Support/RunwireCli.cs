using System.Text.Json;
using System.Text.Json.Nodes;

namespace Runwire.Host.Tests.Support;

/// <summary>What one <c>runwire</c> command did: its exit code, its result lines (the JSON ones) and all it printed.</summary>
internal sealed record CliRun(int ExitCode, IReadOnlyList<JsonObject> Results, string Output);

/// <summary>The command line as a user runs it, as its own process.</summary>
internal static class RunwireCli
{
    public static CliRun Run(IDictionary<string, string>? environment, params string[] args)
    {
        using var process = new ChildProcess(Paths.Runwire, args, environment);
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            throw new TimeoutException($"runwire {string.Join(' ', args)} did not end:\n{process.Output}");
        }
        var results = process.Output.Split('\n')
            .Where(line => line.StartsWith('{'))
            .Select(line => JsonNode.Parse(line, documentOptions: new JsonDocumentOptions { MaxDepth = 1000 })!.AsObject())
            .ToList();
        return new CliRun(process.ExitCode, results, process.Output);
    }
}
