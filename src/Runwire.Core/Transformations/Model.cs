using System.Text.Json.Nodes;
using Runwire.Core.Data;

namespace Runwire.Core.Transformations;

/// <summary>hetida's revision state.</summary>
public enum TransformationState
{
    Draft,
    Released,
    Disabled,
}

/// <summary>COMPONENT or WORKFLOW.</summary>
public enum TransformationType
{
    Component,
    Workflow,
}

/// <summary>An input of a transformation's io_interface; <see cref="Default"/> is the stored JSON default of an OPTIONAL input.</summary>
public sealed record IoInputDefinition(Guid Id, string? Name, DataType DataType, bool Required, JsonNode? Default);

/// <summary>An output of a transformation's io_interface.</summary>
public sealed record IoOutputDefinition(Guid Id, string? Name, DataType DataType);

/// <summary>One transformation revision (component or workflow) as imported from hetida's export format (spec §4.1).</summary>
public sealed record TransformationRevision(
    Guid Id,
    Guid RevisionGroupId,
    string Name,
    string Category,
    string VersionTag,
    TransformationState State,
    TransformationType Type,
    DateTimeOffset? ReleasedTimestamp,
    IReadOnlyList<IoInputDefinition> Inputs,
    IReadOnlyList<IoOutputDefinition> Outputs,
    WorkflowContent? Workflow,
    JsonObject? TestWiring,
    JsonObject Source)
{
    public string TypeName => Type == TransformationType.Component ? "COMPONENT" : "WORKFLOW";
}

/// <summary>An operator input inside a workflow (the referenced trafo's input, plus whether it is exposed).</summary>
public sealed record OperatorInput(Guid Id, string Name, DataType DataType, bool Required, bool Exposed);

/// <summary>An operator: an instance of a released trafo inside a workflow.</summary>
public sealed record Operator(
    Guid Id,
    string Name,
    Guid TransformationId,
    TransformationType Type,
    IReadOnlyList<OperatorInput> Inputs,
    IReadOnlyList<IoOutputDefinition> Outputs);

/// <summary>A link between two operators (links from/to the workflow border are described by inputs/outputs/constants).</summary>
public sealed record Link(Guid StartOperator, string StartConnector, Guid EndOperator, string EndConnector);

/// <summary>A dynamic workflow input feeding one operator input.</summary>
public sealed record WorkflowInput(Guid Id, string? Name, DataType DataType, bool Required, JsonNode? Default, Guid OperatorId, string ConnectorName);

/// <summary>A workflow output fed by one operator output.</summary>
public sealed record WorkflowOutput(Guid Id, string? Name, DataType DataType, Guid OperatorId, string ConnectorName);

/// <summary>A constant (a fixed string value parsed with the target type at run time) feeding one operator input.</summary>
public sealed record WorkflowConstant(Guid Id, DataType DataType, string Value, Guid OperatorId, string ConnectorName);

/// <summary>hetida's <c>WorkflowContent</c> (spec §4.2).</summary>
public sealed record WorkflowContent(
    IReadOnlyList<Operator> Operators,
    IReadOnlyList<Link> Links,
    IReadOnlyList<WorkflowInput> Inputs,
    IReadOnlyList<WorkflowOutput> Outputs,
    IReadOnlyList<WorkflowConstant> Constants);
