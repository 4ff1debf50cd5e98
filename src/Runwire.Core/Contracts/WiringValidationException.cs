namespace Runwire.Core.Contracts;

/// <summary>
/// The wiring does not fit the transformation (spec §1c completeness rules). <see cref="Exception.Message"/> is
/// hetida's rule message, e.g. <c>Wiring Incomplete: Workflow Input 'x' has no wiring!</c>.
/// </summary>
public sealed class WiringValidationException(string message, WorkflowWiring echoedWiring) : Exception(message)
{
    /// <summary>
    /// The wiring as hetida echoes it in its 422 detail: hetida appends the implicit output wirings to the request's
    /// own list before it checks the output names, so they show up when that last rule fails.
    /// </summary>
    public WorkflowWiring EchoedWiring { get; } = echoedWiring;

    /// <summary>pydantic's text for this error, as hetida logs it and puts at the end of its 422 detail.</summary>
    public string PydanticText => $"1 validation error for WorkflowExecutionInput\n__root__\n  {Message} (type=value_error)";
}
