using Runwire.Core.Contracts;
using Runwire.Core.Data;

namespace Runwire.Core.Adapters;

/// <summary>One input to load: its wiring and the declared type of the workflow input.</summary>
public sealed record SourceRequest(InputWiring Wiring, DataType DataType);

/// <summary>One output to send: its wiring, declared type and value.</summary>
public sealed record SinkRequest(OutputWiring Wiring, DataType DataType, object? Value);

/// <summary>What an adapter may want to know about the job it loads or sends for (file names, logs).</summary>
public sealed record AdapterContext(Guid JobId, Guid TransformationId);
