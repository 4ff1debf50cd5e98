using Runwire.Core.Contracts;
using Runwire.Core.Transformations;

namespace Runwire.Core.Engine;

/// <summary>
/// A transformation flattened into component nodes in hetida's pull order, with constants and defaults parsed.
/// Plans are immutable and cached per transformation and plot setting; a plan that could not be built carries the
/// PARSING_WORKFLOW error every execution of it answers with.
/// </summary>
internal sealed class ExecutionPlan
{
    public required TransformationRevision Root { get; init; }

    /// <summary>True when the root is a component wrapped in hetida's COMPONENT EXECUTION WRAPPER WORKFLOW.</summary>
    public required bool IsComponentWrapper { get; init; }

    public IReadOnlyList<PlanNode> Nodes { get; init; } = [];

    /// <summary>Node indexes in execution order (dependencies first, root outputs' dependencies before the rest).</summary>
    public IReadOnlyList<int> Order { get; init; } = [];

    /// <summary>Root output name → source, in the root's output order.</summary>
    public IReadOnlyList<KeyValuePair<string, InputSource>> Outputs { get; init; } = [];

    /// <summary>Parsed defaults of OPTIONAL root inputs.</summary>
    public IReadOnlyDictionary<string, object?> RootDefaults { get; init; } = new Dictionary<string, object?>();

    public ExecutionError? BuildError { get; init; }

    /// <summary>Whether any node runs in the Python runner (their code is loaded before the job's inputs are).</summary>
    public bool HasPythonNodes => _hasPython ??= Nodes.Any(n => n.Binding.Runner == Components.Runners.ComponentRunner.Python);

    private bool? _hasPython;
}
