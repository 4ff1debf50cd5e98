using Runwire.Core.Transformations;

namespace Runwire.Core.Engine;

/// <summary>One workflow level while a plan is built: its operators' nodes and its nested workflow levels.</summary>
internal sealed class PlanScope(
    WorkflowContent workflow,
    TransformationRevision revision,
    PlanScope? parent,
    Guid operatorIdInParent,
    IReadOnlyList<string> names,
    IReadOnlyList<string> ids)
{
    public WorkflowContent Workflow { get; } = workflow;

    public TransformationRevision Revision { get; } = revision;

    public PlanScope? Parent { get; } = parent;

    public Guid OperatorIdInParent { get; } = operatorIdInParent;

    public IReadOnlyList<string> Names { get; } = names;

    public IReadOnlyList<string> Ids { get; } = ids;

    public Dictionary<Guid, int> NodeOf { get; } = [];

    public Dictionary<Guid, PlanScope> Children { get; } = [];

    /// <summary>Plot-only operators that are not run (run_pure_plot_operators is false).</summary>
    public HashSet<Guid> SkippedOperators { get; } = [];
}
