using Runwire.Core.Contracts.Steps;
using Runwire.Ingest.Payloads;

namespace Runwire.Ingest.Execution;

// Workflow and activity payloads: ids, keys and references only, so the history stays far below daprd's body limit.

/// <summary>
/// The workflow input. <see cref="Job"/> is the decoded job (canonical JSON); a Kafka job also names its reply key.
/// <see cref="Traceparent"/> is the job's trace, <see cref="ReceivedAt"/> when ingest got it (for the job duration metric).
/// <see cref="Retry"/> is how the answer waits for the pub/sub, fixed when the job starts so every replay sees the same.
/// <see cref="Answering"/> is set when the instance continued as new while its answer waited: it goes straight to answering.
/// </summary>
internal sealed record JobStarted(
    string JobId, PayloadRef Job, bool PublishResult, string? KafkaKey, string? Traceparent, DateTimeOffset ReceivedAt,
    AnswerRetry? Retry = null, PendingAnswer? Answering = null)
{
    public JobTrace Trace() => new(JobId, KafkaKey, Traceparent);
}

/// <summary>
/// The job an activity works for, as its logs and spans name it. Every activity input starts with it, because daprd
/// may hand an activity no trace context (or another one) and the activity then continues <see cref="Traceparent"/>.
/// </summary>
internal sealed record JobTrace(string JobId, string? KafkaKey, string? Traceparent);

/// <summary>How a job ended: the answer kind and HTTP status of hetida's web API, the result, and the web error detail.</summary>
internal sealed record JobOutcome(string Kind, int HttpStatus, PayloadRef Result, PayloadRef? Detail)
{
    public const string Executed = "Executed";

    /// <summary>A Runwire service stayed unreachable through all retries (hetida: runtime connection error, HTTP 500).</summary>
    public const string Unavailable = "Unavailable";
}

internal sealed record PrepareInput(JobTrace Trace, PayloadRef Job);

/// <summary>Either the job is refused (<see cref="Refused"/>) or <see cref="Job"/> says what to load and send.</summary>
internal sealed record PrepareOutput(JobOutcome? Refused, PreparedJob? Job);

internal sealed record LoadInputsInput(JobTrace Trace, Guid TransformationId, IReadOnlyList<InputLoad> Loads, IReadOnlyList<NamedType> OutputTypes);

/// <summary>The loaded values (name → text), or the failure result when an adapter refused.</summary>
internal sealed record LoadInputsOutput(PayloadRef? Values, JobOutcome? Failed);

internal sealed record RunGraphInput(JobTrace Trace, PayloadRef Job, PayloadRef? Loaded, IReadOnlyList<string> Sinks);

/// <summary>The job's outcome, and the output values still to be sent (name → JSON) when it succeeded.</summary>
internal sealed record RunGraphOutput(JobOutcome Outcome, bool Ok, PayloadRef? Pending);

/// <summary><see cref="JobTime"/>: when ingest received the job (null in histories written before it was added).</summary>
internal sealed record SendOutputsInput(
    JobTrace Trace, Guid TransformationId, IReadOnlyList<OutputSend> Sends, PayloadRef Pending, JobOutcome Outcome, IReadOnlyList<NamedType> OutputTypes,
    DateTimeOffset? JobTime = null);

internal sealed record RecordFailureInput(
    JobTrace Trace, string ErrorType, string Message, string ProcessStage, IReadOnlyList<NamedType> OutputTypes, string Kind, int HttpStatus);

/// <summary>The job's answer: published to the result topic when <see cref="Publish"/> (Kafka jobs), counted once either way.</summary>
internal sealed record PublishResultInput(JobTrace Trace, PayloadRef Result, bool Publish, DateTimeOffset ReceivedAt);

/// <summary>The answer is out (<see cref="Refused"/> null), or the pub/sub refused it for good and says why.</summary>
internal sealed record AnswerReceipt(string? Refused);

/// <summary>
/// How long a transiently failing answer is retried, and the durable timer between attempts (doubling from
/// <see cref="Delay"/> up to <see cref="MaxDelay"/>). After <see cref="PerGeneration"/> failed attempts the instance
/// continues as new, so its history holds at most that many attempts however long the outage lasts.
/// </summary>
internal sealed record AnswerRetry(TimeSpan For, TimeSpan Delay, TimeSpan MaxDelay, int PerGeneration = 10);

/// <summary>
/// An answer waiting for the pub/sub: the outcome to publish, since when it waits and how many attempts failed.
/// <see cref="Fallback"/> marks the <c>ResultPublishError</c> that replaced a result the pub/sub refused for good.
/// </summary>
internal sealed record PendingAnswer(JobOutcome Outcome, IReadOnlyList<NamedType> OutputTypes, DateTime Since, int FailedAttempts, bool Fallback);
