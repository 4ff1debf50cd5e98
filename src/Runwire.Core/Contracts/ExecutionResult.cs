using System.Text.Json.Nodes;
using Runwire.Core.Data;

namespace Runwire.Core.Contracts;

/// <summary>hetida's <c>ProcessStage</c>, spelled as in JSON.</summary>
#pragma warning disable CA1707 // the member names are hetida's JSON values
public enum ProcessStage
{
    PARSING_WORKFLOW,
    LOADING_DATA_FROM_ADAPTERS,
    PARSING_LOADED_DATA,
    EXECUTING_COMPONENT_CODE,
    SENDING_DATA_TO_ADAPTERS,
    ENCODING_RESULTS_TO_JSON,
}
#pragma warning restore CA1707

/// <summary>Identity of the transformation an error happened in (<c>transformation_info</c>).</summary>
public sealed record TransformationInfo(string Id, string Name, string Tag, string Type);

/// <summary><c>operator_info</c>: the transformation and its place in the workflow hierarchy.</summary>
public sealed record OperatorInfo(TransformationInfo TransformationInfo, IReadOnlyList<string> HierarchyByName, IReadOnlyList<string> HierarchyById);

/// <summary><c>location</c> of an error; Runwire reports the C# component class in <c>file</c>.</summary>
public sealed record ErrorLocation(string File, string FunctionName, int LineNumber);

/// <summary>hetida's <c>WorkflowExecutionError</c> (spec §2.3).</summary>
public sealed record ExecutionError(
    string Type,
    string Message,
    ProcessStage ProcessStage,
    object? ErrorCode = null,
    JsonObject? ExtraInformation = null,
    OperatorInfo? OperatorInfo = null,
    ErrorLocation? Location = null);

/// <summary>One <c>measured_steps</c> entry.</summary>
public sealed record MeasuredStep(string Name, DateTimeOffset Start, DateTimeOffset End)
{
    public double DurationSeconds => (End - Start).TotalSeconds;
}

/// <summary>hetida's <c>AllMeasuredSteps</c>; unset steps are null (spec §2.2).</summary>
public sealed record MeasuredSteps(
    MeasuredStep? InternalFull = null,
    MeasuredStep? PrepareExecutionInput = null,
    MeasuredStep? RunExecutionInput = null,
    MeasuredStep? RuntimeServiceHandling = null,
    MeasuredStep? PureExecution = null,
    MeasuredStep? LoadData = null,
    MeasuredStep? SendData = null);

/// <summary>
/// The execution response (<c>ExecutionResponseFrontendDto</c>, spec §2.1). <see cref="Outputs"/> and
/// <see cref="OutputTypes"/> keep the workflow's output order; output values use the engine's value model
/// and are encoded by <see cref="Codecs.ValueEncoder"/>.
/// </summary>
public sealed record ExecutionResult(
    Guid JobId,
    ExecutionError? Error,
    IReadOnlyList<KeyValuePair<string, object?>> Outputs,
    IReadOnlyList<KeyValuePair<string, DataType>> OutputTypes,
    MeasuredSteps MeasuredSteps,
    string? Traceback = null,
    int? ProcessId = null)
{
    public bool Ok => Error is null;
}
