using Microsoft.Extensions.Logging;
using Runwire.Core.Transformations;

namespace Runwire.Execution;

/// <summary>How a host reports the folders it imported at start (<c>Runwire:ImportDirectories</c>).</summary>
internal static partial class ImportLog
{
    public static Action<ImportReport> Reporter(ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Runwire.Transformations");
        return report =>
        {
            Imported(logger, report.Imported, report.Directory, report.Components, report.Workflows);
            foreach (var failure in report.Failures)
            {
                NotImported(logger, failure.SourceName, string.Join("; ", failure.Problems));
            }
        };
    }

    [LoggerMessage(1, LogLevel.Information, "Imported {Count} transformations from {Directory} ({Components} components, {Workflows} workflows)")]
    private static partial void Imported(ILogger logger, int count, string directory, int components, int workflows);

    [LoggerMessage(2, LogLevel.Warning, "Could not import {File}: {Problems}")]
    private static partial void NotImported(ILogger logger, string file, string problems);
}
