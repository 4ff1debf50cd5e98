using System.CommandLine;
using Runwire.Core.Transformations;
using Runwire.Execution;

namespace Runwire.Host.Cli;

/// <summary>The <c>--import</c> option of <c>run</c> and <c>components</c>, and the transformation store it gives.</summary>
internal static class ImportOption
{
    public static Option<string[]> Create() => new("--import")
    {
        Description = "Also import the transformations below this folder (hetida's JSON exports and .py component modules); repeat for more folders.",
    };

    /// <summary>
    /// The shipped transformations plus the imported folders, or null after telling standard error why not (the
    /// commands then exit with 2: unusable options).
    /// </summary>
    public static async Task<TransformationStore?> LoadStoreAsync(IConfiguration configuration, IReadOnlyList<string> folders)
    {
        var options = RunwireOptions.From(configuration) with { ImportDirectories = folders };
        var missing = options.ImportDirectories.FirstOrDefault(d => !Directory.Exists(d));
        if (missing is not null)
        {
            await Console.Error.WriteLineAsync($"runwire: import folder '{missing}' does not exist.").ConfigureAwait(false);
            return null;
        }
        try
        {
            return EngineSetup.CreateStore(options, Report);
        }
        catch (TransformationImportException e)
        {
            await Console.Error.WriteLineAsync($"runwire: {e.Message}").ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>What each folder gave, and every file left out with why, on standard error.</summary>
    private static void Report(ImportReport report)
    {
        Console.Error.WriteLine(report.Summary);
        foreach (var failure in report.Failures)
        {
            Console.Error.WriteLine($"runwire: {failure.Message}");
        }
    }
}
