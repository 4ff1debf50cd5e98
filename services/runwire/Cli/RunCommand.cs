using System.CommandLine;
using Runwire.Core.Contracts;
using Runwire.Core.Engine;
using Runwire.Core.Transformations;
using Runwire.DataAdapters;
using Runwire.Execution;
using Runwire.Python;

namespace Runwire.Host.Cli;

/// <summary>
/// <c>runwire run FILE...</c>: each file (or <c>-</c> for standard input) holds one job in any accepted format; one result
/// JSON line is printed per file, in order. Exit code 0 when every result is "ok", 1 when any job failed, 2 for
/// unusable options.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Job request files (ExecByIdInput, ExecLatestByGroupIdInput or the legacy Kafka payload); '-' reads standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var imports = new Option<string[]>("--import")
        {
            Description = "Also import the transformations below this folder (hetida's JSON exports and .py component modules); repeat for more folders.",
        };
        var command = new Command("run", "Execute job request files and print one result JSON line per file.") { files, imports };
        command.SetAction(async (parse, ct) =>
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
            var options = RunwireOptions.From(configuration) with
            {
                ImportDirectories = parse.GetValue(imports) ?? [],
            };
            var missing = options.ImportDirectories.FirstOrDefault(d => !Directory.Exists(d));
            if (missing is not null)
            {
                await Console.Error.WriteLineAsync($"runwire: import folder '{missing}' does not exist.").ConfigureAwait(false);
                return 2;
            }
            TransformationStore store;
            try
            {
                store = EngineSetup.CreateStore(options, Report);
            }
            catch (TransformationImportException e)
            {
                await Console.Error.WriteLineAsync($"runwire: {e.Message}").ConfigureAwait(false);
                return 2;
            }
            var (runners, pool) = PythonRunnerSetup.CreateRunners(configuration);
            await using var stopPool = pool;
            var engine = new ExecutionEngine(store, runners, AdapterSetup.CreateRegistry(AdapterSettings.From(configuration)));
            var answering = new JobAnswering(engine);
            var allOk = true;
            using var stdout = Console.OpenStandardOutput();
            foreach (var file in parse.GetValue(files)!)
            {
                var payload = await ReadAsync(file, ct).ConfigureAwait(false);
                var answer = payload is null
                    ? JobAnswering.Unreadable($"Cannot read job file '{file}'.")
                    : await answering.AnswerAsync(payload, ct).ConfigureAwait(false);
                if (answer.Fault is { } fault)
                {
                    // The result line names the failure; the details of a Runwire bug go to standard error.
                    await Console.Error.WriteLineAsync($"runwire: the engine failed on '{file}': {fault}").ConfigureAwait(false);
                }
                allOk &= answer.Result.Ok;
                await stdout.WriteAsync(ResultWriter.ToUtf8(answer.Result), ct).ConfigureAwait(false);
                stdout.WriteByte((byte)'\n');
            }
            return allOk ? 0 : 1;
        });
        return command;
    }

    /// <summary>What an <c>--import</c> folder held, on standard error: a summary and one line per file left out.</summary>
    private static void Report(ImportReport report)
    {
        Console.Error.WriteLine(report.Summary);
        foreach (var failure in report.Failures)
        {
            Console.Error.WriteLine($"runwire: {failure.Message}");
        }
    }

    private static async Task<byte[]?> ReadAsync(string file, CancellationToken ct)
    {
        if (file == "-")
        {
            using var buffer = new MemoryStream();
            await Console.OpenStandardInput().CopyToAsync(buffer, ct).ConfigureAwait(false);
            return buffer.ToArray();
        }
        try
        {
            return await File.ReadAllBytesAsync(file, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
