using Runwire.Core.Contracts.Steps;
using Runwire.Ingest.Payloads;

namespace Runwire.Ingest.Execution;

// Workflow and activity payloads: ids, keys and references only, so the history stays far below daprd's body limit.

/// <summary>The workflow input. <see cref="Job"/> is the decoded job (canonical JSON); a Kafka job also names its reply key.</summary>
internal sealed record JobStarted(string JobId, PayloadRef Job, bool PublishResult, string? KafkaKey, string? Traceparent);

/// <summary>How a job ended: the answer kind and HTTP status of hetida's web API, the result, and the web error detail.</summary>
internal sealed record JobOutcome(string Kind, int HttpStatus, PayloadRef Result, PayloadRef? Detail)
{
    public const string Executed = "Executed";

    /// <summary>A Runwire service stayed unreachable through all retries (hetida: runtime connection error, HTTP 500).</summary>
    public const string Unavailable = "Unavailable";
}

internal sealed record PrepareInput(string JobId, PayloadRef Job);

/// <summary>Either the job is refused (<see cref="Refused"/>) or <see cref="Job"/> says what to load and send.</summary>
internal sealed record PrepareOutput(JobOutcome? Refused, PreparedJob? Job);

internal sealed record LoadInputsInput(string JobId, Guid TransformationId, IReadOnlyList<InputLoad> Loads, IReadOnlyList<NamedType> OutputTypes);

/// <summary>The loaded values (name → text), or the failure result when an adapter refused.</summary>
internal sealed record LoadInputsOutput(PayloadRef? Values, JobOutcome? Failed);

internal sealed record RunGraphInput(string JobId, PayloadRef Job, PayloadRef? Loaded, IReadOnlyList<string> Sinks);

/// <summary>The job's outcome, and the output values still to be sent (name → JSON) when it succeeded.</summary>
internal sealed record RunGraphOutput(JobOutcome Outcome, bool Ok, PayloadRef? Pending);

internal sealed record SendOutputsInput(
    string JobId, Guid TransformationId, IReadOnlyList<OutputSend> Sends, PayloadRef Pending, JobOutcome Outcome, IReadOnlyList<NamedType> OutputTypes);

internal sealed record RecordFailureInput(
    string JobId, string ErrorType, string Message, string ProcessStage, IReadOnlyList<NamedType> OutputTypes, string Kind, int HttpStatus);

internal sealed record PublishResultInput(string JobId, PayloadRef Result, string? KafkaKey, string? Traceparent);
