namespace Runwire.Core.Engine;

/// <summary>A dependency cycle through a node; reported as hetida's CircularDependency at EXECUTING_COMPONENT_CODE.</summary>
internal sealed class CircularDependencyException(PlanNode node)
    : Exception($"Circular Dependency detected whith input of operator '{node.HierarchyNames[^1]}'")
{
    public PlanNode Node { get; } = node;
}
