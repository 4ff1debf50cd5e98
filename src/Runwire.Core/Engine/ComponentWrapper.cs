using Runwire.Core.Transformations;

namespace Runwire.Core.Engine;

/// <summary>
/// hetida runs a component on its own by wrapping it in a one-operator workflow named
/// COMPONENT EXECUTION WRAPPER WORKFLOW (spec §4.3), with one workflow input/output per component input/output.
/// </summary>
internal static class ComponentWrapper
{
    public static (WorkflowContent Content, TransformationRevision Revision) Wrap(TransformationRevision component)
    {
        var opId = Guid.NewGuid();
        var op = new Operator(
            opId,
            component.Name,
            component.Id,
            TransformationType.Component,
            [.. component.Inputs.Select(i => new OperatorInput(i.Id, i.Name ?? "", i.DataType, i.Required, Exposed: true))],
            component.Outputs);
        var content = new WorkflowContent(
            [op],
            [],
            [.. component.Inputs.Select(i => new WorkflowInput(Guid.NewGuid(), i.Name, i.DataType, i.Required, i.Default, opId, i.Name ?? ""))],
            [.. component.Outputs.Select(o => new WorkflowOutput(Guid.NewGuid(), o.Name, o.DataType, opId, o.Name ?? ""))],
            []);
        var revision = component with
        {
            Id = Guid.NewGuid(),
            Name = PlanBuilder.WrapperName,
            Type = TransformationType.Workflow,
            Workflow = content,
        };
        return (content, revision);
    }
}
