using System.CommandLine;
using Runwire.Core.Engine;
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
        var imports = ImportOption.Create();
        var command = new Command("run", "Execute job request files and print one result JSON line per file.") { files, imports };
        command.SetAction(async (parse, ct) =>
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
            if (await ImportOption.LoadStoreAsync(configuration, parse.GetValue(imports) ?? []).ConfigureAwait(false) is not { } store)
            {
                return 2;
            }
            var (runners, pool) = PythonRunnerSetup.CreateRunners(configuration);
            await using var stopPool = pool;
            var engine = new ExecutionEngine(store, runners, AdapterSetup.CreateRegistry(AdapterSettings.From(configuration)),
                LimitSettings.From(configuration));
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
                await stdout.WriteAsync(answer.ToUtf8(), ct).ConfigureAwait(false);
                stdout.WriteByte((byte)'\n');
            }
            return allOk ? 0 : 1;
        });
        return command;
    }

    /// <summary>What an <c>--import</c> folder held, on standard error: a summary and one line per file left out.</summary>
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
