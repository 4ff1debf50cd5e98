using Runwire.Core.Contracts;

namespace Runwire.Core.Engine;

/// <summary>A runtime failure that ends an execution with a <c>"failure"</c> result (hetida's runtime-internal errors, spec §2.4).</summary>
public sealed class ExecutionFailureException(ExecutionError error, Exception? cause = null) : Exception(error.Message, cause)
{
    public ExecutionError Error { get; } = error;
}
