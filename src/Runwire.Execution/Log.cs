using Microsoft.Extensions.Logging;

namespace Runwire.Execution;

/// <summary>Every log message of the execution endpoints.</summary>
internal static partial class Log
{
    /// <summary>The category the endpoints log under.</summary>
    public const string Category = "Runwire.Execution";

    [LoggerMessage(1, LogLevel.Error, "The engine failed on job {JobId}; it is answered with a failure")]
    public static partial void EngineCrashed(ILogger logger, Guid jobId, Exception exception);

    [LoggerMessage(2, LogLevel.Information, "Took in {Count} transformations another replica imported")]
    public static partial void StoreRefreshed(ILogger logger, int count);

    [LoggerMessage(3, LogLevel.Error, "The transformation store folder could not be read")]
    public static partial void StoreRefreshFailed(ILogger logger, Exception exception);

    /// <summary>Logs the exception behind a failure answer, if there is one.</summary>
    public static void Fault(ILoggerFactory loggers, Core.Engine.JobAnswer answer)
    {
        if (answer.Fault is { } fault)
        {
            EngineCrashed(loggers.CreateLogger(Category), answer.Result.JobId, fault);
        }
    }
}
