using Runwire.Core.Codecs;
using Runwire.Core.Components.Runners;
using Runwire.Core.Contracts;
using Runwire.Core.Data;
using Runwire.Core.Transformations;

namespace Runwire.Core.Engine;

/// <summary>Flattens a transformation into component nodes (spec §4.3, §4.4): nesting, links, constants, defaults, plot skipping.</summary>
internal sealed class PlanBuilder(TransformationStore store, ComponentRunners runners, bool runPurePlotOperators)
{
    public const string WrapperName = "COMPONENT EXECUTION WRAPPER WORKFLOW";

    /// <summary>Levels of nested workflows below the root; deeper means a workflow contains itself (a stack overflow otherwise).</summary>
    public const int MaxNestingDepth = 64;

    private readonly List<PlanNode> _nodes = [];

    public ExecutionPlan Build(TransformationRevision root)
    {
        var isWrapper = root.Type == TransformationType.Component;
        var (content, scopeRevision) = isWrapper ? ComponentWrapper.Wrap(root) : (root.Workflow!, root);
        var rootScope = new PlanScope(content, scopeRevision, null, Guid.Empty, [scopeRevision.Name], [Guid.Empty.ToString()]);
        try
        {
            Expand(rootScope);
            ResolveInputs(rootScope);
            var outputs = content.Outputs
                .Where(o => !string.IsNullOrEmpty(o.Name))
                .Select(o => KeyValuePair.Create(o.Name!, Resolve(rootScope, o.OperatorId, o.ConnectorName)))
                .ToList();
            var defaults = new Dictionary<string, object?>();
            foreach (var input in content.Inputs.Where(i => !i.Required && !string.IsNullOrEmpty(i.Name)))
            {
                defaults[input.Name!] = ParseDefault(input.Default, input.DataType, rootScope);
            }
            MarkUsedOutputs(outputs);
            return new ExecutionPlan
            {
                Root = root,
                IsComponentWrapper = isWrapper,
                Nodes = _nodes,
                Order = PullOrder.Compute(_nodes, outputs),
                Outputs = outputs,
                RootDefaults = defaults,
            };
        }
        catch (ExecutionFailureException failure)
        {
            return new ExecutionPlan { Root = root, IsComponentWrapper = isWrapper, BuildError = failure.Error };
        }
        catch (CircularDependencyException cycle)
        {
            var node = cycle.Node;
            return new ExecutionPlan
            {
                Root = root,
                IsComponentWrapper = isWrapper,
                BuildError = new ExecutionError(
                    "CircularDependency",
                    cycle.Message,
                    ProcessStage.EXECUTING_COMPONENT_CODE,
                    OperatorInfo: Errors.OperatorInfo(node.Revision, node.HierarchyNames, node.HierarchyIds)),
            };
        }
    }

    private void MarkUsedOutputs(IEnumerable<KeyValuePair<string, InputSource>> rootOutputs)
    {
        foreach (var source in _nodes.SelectMany(n => n.Inputs).Concat(rootOutputs).Select(kv => kv.Value))
        {
            if (source is InputSource.FromNode from)
            {
                _nodes[from.Node].UsedOutputs.Add(from.Output);
            }
        }
    }

    private void Expand(PlanScope scope)
    {
        foreach (var op in scope.Workflow.Operators)
        {
            var revision = store.Find(op.TransformationId)
                ?? throw new TransformationNotFoundException(
                    $"Could not find transformation revision {op.TransformationId} used by operator '{op.Name}' of '{scope.Revision.Name}'.",
                    nested: true);
            var names = scope.Names.Append(op.Name).ToList();
            var ids = scope.Ids.Append(op.Id.ToString()).ToList();
            var plotOnly = revision.Outputs.Count > 0 && revision.Outputs.All(o => o.DataType == DataType.PlotlyJson);
            if (plotOnly && !runPurePlotOperators)
            {
                scope.SkippedOperators.Add(op.Id);
                continue;
            }
            if (revision.Type == TransformationType.Workflow)
            {
                if (scope.Names.Count > MaxNestingDepth)
                {
                    throw new ExecutionFailureException(Errors.NestedTooDeep(op.Name, revision, names, ids));
                }
                var child = new PlanScope(revision.Workflow!, revision, scope, op.Id, names, ids);
                scope.Children[op.Id] = child;
                Expand(child);
                continue;
            }
            ComponentBinding binding;
            try
            {
                binding = runners.Bind(revision);
            }
            catch (ComponentBindException unbound)
            {
                throw new ExecutionFailureException(new ExecutionError(
                    unbound.ErrorType,
                    $"{Errors.LoadFailureMessage(revision)}: {unbound.Message}.",
                    ProcessStage.PARSING_WORKFLOW,
                    OperatorInfo: Errors.OperatorInfo(revision, names, ids)));
            }
            scope.NodeOf[op.Id] = _nodes.Count;
            _nodes.Add(new PlanNode(_nodes.Count, binding, revision, names, ids));
        }
    }

    private void ResolveInputs(PlanScope scope)
    {
        foreach (var (opId, index) in scope.NodeOf)
        {
            var node = _nodes[index];
            foreach (var input in node.Revision.Inputs.Where(i => !string.IsNullOrEmpty(i.Name)))
            {
                node.Inputs.Add(KeyValuePair.Create(input.Name!, OperatorInputSource(scope, opId, input)));
            }
        }
        foreach (var child in scope.Children.Values)
        {
            ResolveInputs(child);
        }
    }

    private InputSource OperatorInputSource(PlanScope scope, Guid opId, IoInputDefinition input)
    {
        var fed = FedFromScope(scope, opId, input.Name!);
        if (fed is not null)
        {
            return fed;
        }
        // Not exposed or not linked: the component's own default applies (a Python keyword default in hetida).
        return input.Required ? new InputSource.Missing() : new InputSource.Fixed(ParseDefault(input.Default, input.DataType, scope));
    }

    /// <summary>What feeds an operator input at one level: a link, a constant, or a workflow input; null if nothing.</summary>
    private InputSource? FedFromScope(PlanScope scope, Guid opId, string inputName)
    {
        var link = scope.Workflow.Links.FirstOrDefault(l => l.EndOperator == opId && l.EndConnector == inputName);
        if (link is not null)
        {
            return Resolve(scope, link.StartOperator, link.StartConnector);
        }
        var constant = scope.Workflow.Constants.FirstOrDefault(c => c.OperatorId == opId && c.ConnectorName == inputName);
        if (constant is not null)
        {
            return new InputSource.Fixed(ParseConstant(constant, scope));
        }
        var wfInput = scope.Workflow.Inputs.FirstOrDefault(i => i.OperatorId == opId && i.ConnectorName == inputName);
        return wfInput is null ? null : WorkflowInputSource(scope, wfInput);
    }

    private InputSource WorkflowInputSource(PlanScope scope, WorkflowInput input)
    {
        if (scope.Parent is null)
        {
            return new InputSource.RootInput(input.Name ?? "");
        }
        // The parent's link, constant or own input overrides the nested default ("outer default overwrites the inner").
        var fed = FedFromScope(scope.Parent, scope.OperatorIdInParent, input.Name ?? "");
        if (fed is not null)
        {
            return fed;
        }
        return input.Required ? new InputSource.Missing() : new InputSource.Fixed(ParseDefault(input.Default, input.DataType, scope));
    }

    private static InputSource Resolve(PlanScope scope, Guid opId, string outputName)
    {
        if (scope.SkippedOperators.Contains(opId))
        {
            return new InputSource.SkippedPlot();
        }
        if (scope.NodeOf.TryGetValue(opId, out var index))
        {
            return new InputSource.FromNode(index, outputName);
        }
        if (scope.Children.TryGetValue(opId, out var child))
        {
            var output = child.Workflow.Outputs.FirstOrDefault(o => o.Name == outputName);
            return output is null ? new InputSource.Missing() : Resolve(child, output.OperatorId, output.ConnectorName);
        }
        return new InputSource.Missing();
    }

    private static object? ParseDefault(System.Text.Json.Nodes.JsonNode? value, DataType type, PlanScope scope)
    {
        try
        {
            return ValueParser.ParseJson(value, type, nullable: true);
        }
        catch (ValueParseException e)
        {
            throw Errors.WorkflowParsing("Some default values could not be parsed into the respective workflow input datatypes.", scope, e);
        }
    }

    private static object? ParseConstant(WorkflowConstant constant, PlanScope scope)
    {
        try
        {
            return ValueParser.Parse(constant.Value, constant.DataType, nullable: false);
        }
        catch (ValueParseException e)
        {
            throw Errors.WorkflowParsing("Some constant values could not be parsed into the respective workflow input datatypes.", scope, e);
        }
    }
}
