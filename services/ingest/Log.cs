using Runwire.ServiceDefaults;

namespace Runwire.Ingest;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Job record at partition {Partition} offset {Offset} cannot be decoded: {Reason}")]
    public static partial void Undecodable(ILogger logger, string? partition, string? offset, string reason);

    [LoggerMessage(2, LogLevel.Information, "Job {JobId} (partition {Partition} offset {Offset}) already has a workflow; redelivery acknowledged")]
    public static partial void AlreadyHandled(ILogger logger, Guid jobId, string? partition, string? offset);

    [LoggerMessage(3, LogLevel.Error, "Job {JobId} could not be started; asking daprd to redeliver")]
    public static partial void ScheduleFailed(ILogger logger, Exception exception, Guid jobId);

    [LoggerMessage(4, LogLevel.Error, "The pub/sub refused the answer for good: {Reason}")]
    public static partial void PublishRefused(ILogger logger, string reason);

    [LoggerMessage(5, LogLevel.Warning, "The answer is out but could not be recorded in the state store")]
    public static partial void AnswerNotRecorded(ILogger logger, Exception exception);

    // Debug: the console asks on every refresh of a page, so a missing sidecar would otherwise fill the log (readiness reports it).
    [LoggerMessage(6, LogLevel.Debug, "The workflow state of job {JobId} could not be read for the console; it shows the job as this replica holds it")]
    public static partial void JobStateUnread(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(7, LogLevel.Warning, "Data record at partition {Partition} offset {Offset} is not a message consumption mode can run; dead-lettered: {Reason}")]
    public static partial void ConsumeRefused(ILogger logger, string? partition, string? offset, string reason);

    /// <summary>Opens the job's log scope; scopes are shared by every logger of the app, so one call covers all its lines.</summary>
    public static IDisposable? BeginJob(ILogger logger, string jobId, string? kafkaKey) => logger.BeginScope(LogScope.Of(("JobId", jobId), ("KafkaKey", kafkaKey)));
}
