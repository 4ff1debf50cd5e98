using Confluent.Kafka;

namespace Runwire.Host;

/// <summary>Every log message of the runwire host.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Error, "A job crashed its worker; the worker goes on with the next job")]
    public static partial void JobCrashed(ILogger logger, Exception exception);

    [LoggerMessage(2, LogLevel.Error, "The engine failed on job {JobId}; it is answered with a failure")]
    public static partial void EngineCrashed(ILogger logger, Guid jobId, Exception exception);

    [LoggerMessage(3, LogLevel.Information, "Job {JobId} failed at {ProcessStage} with {ErrorType}; its failure result is the answer")]
    public static partial void JobFailed(ILogger logger, Guid jobId, string processStage, string errorType);

    [LoggerMessage(4, LogLevel.Debug, "Job {JobId} succeeded")]
    public static partial void JobSucceeded(ILogger logger, Guid jobId);

    [LoggerMessage(10, LogLevel.Information, "Consuming jobs from {Topic} in group {Group} at {Bootstrap}")]
    public static partial void Consuming(ILogger logger, string topic, string group, string bootstrap);

    [LoggerMessage(11, LogLevel.Information, "Partitions assigned: {Partitions}")]
    public static partial void Assigned(ILogger logger, string partitions);

    [LoggerMessage(12, LogLevel.Warning, "Partitions lost (their uncommitted jobs go to the next owner): {Partitions}")]
    public static partial void Lost(ILogger logger, string partitions);

    [LoggerMessage(13, LogLevel.Warning, "Running jobs of revoked partitions did not finish within {Seconds} s")]
    public static partial void RevokeTimedOut(ILogger logger, double seconds);

    [LoggerMessage(14, LogLevel.Information, "Stopping: finishing the running jobs of {Partitions} partitions")]
    public static partial void Draining(ILogger logger, int partitions);

    [LoggerMessage(15, LogLevel.Information, "Job queue full ({Queued} queued): consumption paused")]
    public static partial void Paused(ILogger logger, int queued);

    [LoggerMessage(16, LogLevel.Information, "Job queue has room ({Queued} queued): consumption resumed")]
    public static partial void Resumed(ILogger logger, int queued);

    [LoggerMessage(17, LogLevel.Warning, "Consume error {Code}: {Reason}")]
    public static partial void ConsumeError(ILogger logger, ErrorCode code, string reason);

    [LoggerMessage(18, LogLevel.Error, "The Kafka consumer failed; starting a new one")]
    public static partial void ConsumerFailed(ILogger logger, Exception exception);

    [LoggerMessage(19, LogLevel.Warning, "Commit failed ({Code}: {Reason}); retrying with the next commit")]
    public static partial void CommitFailed(ILogger logger, ErrorCode code, string reason);

    [LoggerMessage(20, LogLevel.Information, "Job {Key} at {Record} was answered before; not executed again")]
    public static partial void DuplicateSkipped(ILogger logger, string key, string record);

    [LoggerMessage(21, LogLevel.Warning, "Publishing to {Topic} failed ({Reason}); retrying")]
    public static partial void PublishRetry(ILogger logger, string topic, string reason);

    [LoggerMessage(22, LogLevel.Error, "The answer to job {JobId} could not be published: {Reason}")]
    public static partial void AnswerLost(ILogger logger, Guid jobId, string reason);

    [LoggerMessage(23, LogLevel.Warning, "The dead letter was refused by {Topic}: {Reason}")]
    public static partial void DeadLetterRefused(ILogger logger, string topic, string reason);

    [LoggerMessage(24, LogLevel.Warning, "Kafka {Client}: {Code} {Reason}")]
    public static partial void ClientError(ILogger logger, string client, ErrorCode code, string reason);

    [LoggerMessage(25, LogLevel.Debug, "librdkafka {Client} {Facility}: {Message}")]
    public static partial void ClientLog(ILogger logger, string client, string facility, string message);

    [LoggerMessage(26, LogLevel.Warning, "A fetch was refused for its size; the probe read {Record}: {Bytes} bytes (-1: not even the probe could)")]
    public static partial void Probed(ILogger logger, string record, long bytes);

    [LoggerMessage(27, LogLevel.Information, "Jobs without job_id are identified within cluster {ClusterId}, topic id {TopicId}")]
    public static partial void Origin(ILogger logger, string clusterId, string topicId);

    [LoggerMessage(28, LogLevel.Information, "Created the answered topic {Topic} with {Partitions} partitions")]
    public static partial void AnsweredTopicCreated(ILogger logger, string topic, int partitions);

    [LoggerMessage(29, LogLevel.Information, "The answered topic {Topic} was not created ({Reason}); relying on the broker to auto-create it")]
    public static partial void AnsweredTopicNotCreated(ILogger logger, string topic, string reason);

    [LoggerMessage(30, LogLevel.Warning, "An answered-job marker was refused by {Topic}: {Reason}")]
    public static partial void MarkerRefused(ILogger logger, string topic, string reason);

    [LoggerMessage(31, LogLevel.Warning, "The answered topic {Topic} could not be read to its end within {Seconds} s ({Partitions}); consuming anyway")]
    public static partial void AnsweredTopicBehind(ILogger logger, string topic, string partitions, double seconds);

    [LoggerMessage(32, LogLevel.Information, "Read {Count} answered-job markers from {Topic} before consuming")]
    public static partial void AnsweredTopicRead(ILogger logger, string topic, int count);

    [LoggerMessage(40, LogLevel.Warning, "The Kafka broker at {Bootstrap} does not answer ({Reason}); /healthz reports Degraded")]
    public static partial void BrokerUnreachable(ILogger logger, string bootstrap, string reason);

    [LoggerMessage(41, LogLevel.Information, "The Kafka broker at {Bootstrap} answers again after {Seconds:0.#} s")]
    public static partial void BrokerBack(ILogger logger, string bootstrap, double seconds);

    [LoggerMessage(42, LogLevel.Warning, "Stopping: running jobs were not all answered within {Seconds:0.#} s (ShutdownTimeoutSeconds); {Pending} answers waiting for the broker are abandoned and their jobs' offsets not committed, so those jobs are delivered again")]
    public static partial void StopAbandoned(ILogger logger, double seconds, int pending);

    [LoggerMessage(43, LogLevel.Information, "Kafka transport stopped after {Seconds:0.#} s")]
    public static partial void Stopped(ILogger logger, double seconds);

    [LoggerMessage(44, LogLevel.Debug, "The answer to job {JobId} was abandoned by the stop; the job is delivered again")]
    public static partial void AnswerAbandoned(ILogger logger, Guid jobId);

    [LoggerMessage(45, LogLevel.Warning, "The Kafka consumer did not close within {Seconds:0.#} s (is the broker gone?); the stop goes on without it")]
    public static partial void CloseTimedOut(ILogger logger, double seconds);

    [LoggerMessage(46, LogLevel.Warning, "Kafka transport stopped after {Seconds:0.#} s without finishing (ShutdownTimeoutSeconds); jobs whose offsets were not committed are delivered again")]
    public static partial void StoppedUnfinished(ILogger logger, double seconds);
}
