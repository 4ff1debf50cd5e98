using Microsoft.Extensions.Logging;

namespace Runwire.Execution;

/// <summary>Every log message of the execution endpoints.</summary>
internal static partial class Log
{
    /// <summary>The category the endpoints log under.</summary>
    public const string Category = "Runwire.Execution";

    [LoggerMessage(1, LogLevel.Error, "The engine failed on job {JobId}; it is answered with a failure")]
    public static partial void EngineCrashed(ILogger logger, Guid jobId, Exception exception);

    /// <summary>Logs the exception behind a failure answer, if there is one.</summary>
    public static void Fault(ILoggerFactory loggers, Core.Engine.JobAnswer answer)
    {
        if (answer.Fault is { } fault)
        {
            EngineCrashed(loggers.CreateLogger(Category), answer.Result.JobId, fault);
        }
    }
}
