using Runwire.Core.Contracts;

namespace Runwire.Core.Engine;

/// <summary>How a job was answered; hosts map it to HTTP status codes (spec §2.4) or just publish the result.</summary>
public enum JobAnswerKind
{
    /// <summary>The runtime ran: the result is "ok" or a runtime "failure" (HTTP 200).</summary>
    Executed,

    /// <summary>The payload could not be decoded or validated (hetida: 422, nothing on Kafka).</summary>
    Undecodable,

    /// <summary>Unknown transformation or no released revision in the group (hetida: 404, nothing on Kafka).</summary>
    NotFound,

    /// <summary>The wiring does not match the transformation (hetida: 422, nothing on Kafka).</summary>
    InvalidWiring,
}

/// <summary>
/// The one answer every job gets. <see cref="Result"/> is always set (a failure result where hetida would answer
/// nothing); <see cref="HttpDetail"/> is hetida's web error body <c>detail</c> for the non-executed kinds.
/// </summary>
public sealed record JobAnswer(JobAnswerKind Kind, ExecutionResult Result, ExecutionJob? Job, object? HttpDetail = null)
{
    /// <summary>The unexpected exception (a Runwire bug, a resource running out) that this failure answers; hosts log it.</summary>
    public Exception? Fault { get; init; }

    /// <summary>
    /// The result as written for an executed job (within <see cref="ExecutionLimits.MaxResultBytes"/>), so hosts send
    /// these bytes instead of writing the result again; null for a refusal.
    /// </summary>
    public byte[]? Utf8 { get; init; }

    /// <summary>The result's JSON: <see cref="Utf8"/> when written already, else written now.</summary>
    public byte[] ToUtf8() => Utf8 ?? ResultWriter.ToUtf8(Result);

    public int HttpStatus => Kind switch
    {
        JobAnswerKind.Executed => 200,
        JobAnswerKind.NotFound => 404,
        _ => 422,
    };
}
