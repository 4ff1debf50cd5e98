namespace Runwire.Host.Consume;

internal static partial class ConsumeLog
{
    [LoggerMessage(200, LogLevel.Information, "Consumption mode: listening to topic {Topic} of Kafka config {ConfigKey} (multi value messages: {Multi}) to run transformation {TransformationId}, up to {MaxInFlight} messages at once")]
    public static partial void Started(ILogger logger, string topic, string configKey, bool multi, string? transformationId, int maxInFlight);

    [LoggerMessage(201, LogLevel.Information, "Consumption mode: job {JobId} for the message at {Record} finished; result: {Result}")]
    public static partial void Executed(ILogger logger, Guid jobId, string record, string result);

    [LoggerMessage(202, LogLevel.Error, "Consumption mode: job {JobId} for the message at {Record} failed at {ProcessStage} with {ErrorType}: {Message}; the message goes to the dead-letter topic and consumption goes on")]
    public static partial void Failed(ILogger logger, Guid jobId, string record, string processStage, string errorType, string message);

    [LoggerMessage(203, LogLevel.Warning, "Consumption mode: the dead letter to {Topic} was refused ({Reason}); trying again")]
    public static partial void DeadLetterRetry(ILogger logger, string topic, string reason);

    [LoggerMessage(204, LogLevel.Warning, "Consumption mode: reading topic {Topic} failed: {Reason}")]
    public static partial void ConsumeFailed(ILogger logger, string topic, string reason);

    [LoggerMessage(205, LogLevel.Debug, "Consumption mode Kafka client ({Level}): {Message}")]
    public static partial void Client(ILogger logger, string level, string message);

    [LoggerMessage(206, LogLevel.Warning, "Consumption mode: storing or committing the offsets {Record} failed: {Reason}")]
    public static partial void CommitFailed(ILogger logger, string record, string reason);

    [LoggerMessage(207, LogLevel.Warning, "Consumption mode: the running messages of the partitions leaving did not finish within {Seconds:0.#} s (half of ShutdownTimeoutSeconds); their offsets are not stored, so they run again")]
    public static partial void DrainTimedOut(ILogger logger, double seconds);

    [LoggerMessage(208, LogLevel.Error, "Consumption mode: handling the message at {Record} crashed; its offset is not stored, so it runs again after a restart")]
    public static partial void Crashed(ILogger logger, string record, Exception exception);
}
