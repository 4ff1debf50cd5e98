using Runwire.Core.Components.Runners;
using Runwire.Core.Telemetry;
using Runwire.Core.Transformations;

namespace Runwire.Core.Engine;

/// <summary>One component operator of the flattened workflow tree, with its place in the hierarchy.</summary>
internal sealed class PlanNode(
    int index,
    ComponentBinding binding,
    TransformationRevision revision,
    IReadOnlyList<string> hierarchyNames,
    IReadOnlyList<string> hierarchyIds)
{
    public int Index { get; } = index;

    /// <summary>The runner-bound component this node calls.</summary>
    public ComponentBinding Binding { get; } = binding;

    public TransformationRevision Revision { get; } = revision;

    /// <summary>Names from the root workflow down to this operator.</summary>
    public IReadOnlyList<string> HierarchyNames { get; } = hierarchyNames;

    /// <summary>Operator ids from the root down; entry 0 is replaced by the per-execution root id.</summary>
    public IReadOnlyList<string> HierarchyIds { get; } = hierarchyIds;

    /// <summary>Input name → source, in the component's input order.</summary>
    public List<KeyValuePair<string, InputSource>> Inputs { get; } = [];

    /// <summary>Outputs that another node or a root output reads.</summary>
    public HashSet<string> UsedOutputs { get; } = [];

    /// <summary>This node's span name and attributes, made once per plan rather than once per run.</summary>
    public (string Name, string ComponentId, string? OperatorId) Span => _span ??= (
        RunwireTelemetry.Spans.Component + " " + Revision.Name,
        Revision.Id.ToString("D"),
        HierarchyIds.Count > 0 ? HierarchyIds[^1] : null);

    private (string, string, string?)? _span;
}
