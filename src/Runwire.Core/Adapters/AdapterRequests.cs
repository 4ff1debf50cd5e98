using Runwire.Core.Contracts;
using Runwire.Core.Data;

namespace Runwire.Core.Adapters;

/// <summary>One input to load: its wiring and the declared type of the workflow input.</summary>
public sealed record SourceRequest(InputWiring Wiring, DataType DataType);

/// <summary>One output to send: its wiring, declared type and value.</summary>
public sealed record SinkRequest(OutputWiring Wiring, DataType DataType, object? Value);

/// <summary>What an adapter may want to know about the job it loads or sends for (file names, logs).</summary>
public sealed record AdapterContext(Guid JobId, Guid TransformationId)
{
    /// <summary>
    /// When the job started: sink names made from a time use it (not the clock at writing), so a repeated send names
    /// what it writes as the first attempt did.
    /// </summary>
    public DateTimeOffset StartedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>
    /// The send may repeat one that already wrote (Dapr mode retries a workflow step whose answer was lost): every
    /// output is then written at most once per job. A built-in sink recognises its own earlier write — an SQL ledger
    /// row, a file of the same name and the same bytes — and leaves it as it is.
    /// </summary>
    public bool Repeatable { get; init; }

    /// <summary>The workflow output being sent (set per output by the adapter that sends a batch).</summary>
    public string? OutputName { get; init; }

    /// <summary>The output's place among the job's outputs sent to this adapter, from 0.</summary>
    public int OutputOrdinal { get; init; }
}
