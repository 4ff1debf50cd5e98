using Runwire.Core.Contracts;

namespace Runwire.Core.Engine;

/// <summary>The wiring does not match the transformation (spec §1c rules): hetida's 422 <c>TrafoExecutionInputValidationError</c>.</summary>
public sealed class ExecutionInputValidationException(WiringValidationException validation, Guid transformationId)
    : Exception(validation.Message, validation)
{
    public WiringValidationException Validation { get; } = validation;

    /// <summary>The revision the wiring was checked against (for execute-latest, the resolved one).</summary>
    public Guid TransformationId { get; } = transformationId;
}
