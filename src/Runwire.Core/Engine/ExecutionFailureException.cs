using Runwire.Core.Contracts;

namespace Runwire.Core.Engine;

/// <summary>A runtime failure that ends an execution with a <c>"failure"</c> result (hetida's runtime-internal errors, spec §2.4).</summary>
public sealed class ExecutionFailureException(ExecutionError error, Exception? cause = null) : Exception(error.Message, cause)
{
    public ExecutionError Error { get; } = error;

    /// <summary>A loaded input that does not parse into its declared type (stage PARSING_LOADED_DATA).</summary>
    public static ExecutionFailureException InputDataValidation(string inputName, Codecs.ValueParseException cause) => new(new ExecutionError(
        "WorkflowInputDataValidationError",
        "The provided data or some constant or default values could not be parsed into the respective workflow input datatypes. "
        + $"Input '{inputName}': {cause.Message}",
        ProcessStage.PARSING_LOADED_DATA), cause);
}
