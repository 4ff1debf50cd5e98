using System.Text.Json.Nodes;
using Runwire.Core.Adapters;
using Runwire.Core.Components;
using Runwire.Core.Components.Runners;
using Runwire.Core.Contracts;
using Runwire.Core.Data;
using Runwire.Core.Telemetry;

namespace Runwire.Core.Engine;

/// <summary>One execution of a plan: load, parse, run components in pull order, send, check encodability.</summary>
internal sealed class JobRun(ExecutionPlan plan, WorkflowWiring wiring, AdapterRegistry adapters, AdapterContext context, ExecutionLimits limits)
{
    // hetida draws a fresh root node id per execution (and a fresh wrapper operator id for components).
    private readonly string _rootId = Guid.NewGuid().ToString();
    private readonly string _wrapperOperatorId = Guid.NewGuid().ToString();
    private DateTimeOffset _runStart, _loadStart, _loadEnd, _execEnd, _sendEnd;
    private volatile PlanNode? _running;
    private volatile ProcessStage _stage = ProcessStage.PARSING_WORKFLOW;

    /// <summary>Where the run is now: its stage and, while components execute, the one running (for a timeout's answer).</summary>
    public (ProcessStage Stage, PlanNode? Node) Progress => (_stage, _running);

    public async Task<IReadOnlyList<KeyValuePair<string, object?>>> RunAsync(CancellationToken ct)
    {
        _runStart = DateTimeOffset.UtcNow;
        if (plan.BuildError is not null)
        {
            throw new ExecutionFailureException(plan.BuildError);
        }
        await PrepareAsync(ct).ConfigureAwait(false);
        _loadStart = DateTimeOffset.UtcNow;
        _stage = ProcessStage.LOADING_DATA_FROM_ADAPTERS;
        var loaded = await InputLoader.LoadAsync(plan, wiring, adapters, context, ct).ConfigureAwait(false);
        _loadEnd = DateTimeOffset.UtcNow;
        _stage = ProcessStage.EXECUTING_COMPONENT_CODE;
        var results = await ExecuteAsync(loaded, ct).ConfigureAwait(false);
        _running = null;
        _execEnd = DateTimeOffset.UtcNow;
        _stage = ProcessStage.SENDING_DATA_TO_ADAPTERS;
        var outputs = new List<KeyValuePair<string, object?>>(plan.Outputs.Count);
        var toSinks = new List<(OutputWiring Wiring, DataType Type, object? Value)>();
        var types = plan.Root.Outputs.Where(o => o.Name is not null).ToDictionary(o => o.Name!, o => o.DataType);
        foreach (var (name, source) in plan.Outputs)
        {
            var value = source switch
            {
                InputSource.FromNode from => results[from.Node]!.GetValueOrDefault(from.Output),
                InputSource.SkippedPlot => new JsonObject(),
                InputSource.Fixed f => f.Value,
                InputSource.RootInput r => loaded.GetValueOrDefault(r.Name, plan.RootDefaults.GetValueOrDefault(r.Name)),
                _ => null,
            };
            var outputWiring = wiring.OutputWirings.FirstOrDefault(w => w.WorkflowOutputName == name);
            if (outputWiring is null || outputWiring.AdapterId.IsDirectProvisioning)
            {
                outputs.Add(KeyValuePair.Create(name, value));
            }
            else
            {
                toSinks.Add((outputWiring, types.GetValueOrDefault(name, DataType.Any), value));
            }
        }
        await OutputSender.SendAsync(toSinks, adapters, context, ct).ConfigureAwait(false);
        _sendEnd = DateTimeOffset.UtcNow;
        _stage = ProcessStage.ENCODING_RESULTS_TO_JSON;
        EncodabilityCheck.Check(outputs);
        return outputs;
    }

    /// <summary>Loads every Python node's code before anything runs: hetida imports all component code at PARSING_WORKFLOW.</summary>
    private async ValueTask PrepareAsync(CancellationToken ct)
    {
        if (!plan.HasPythonNodes)
        {
            return;
        }
        foreach (var index in plan.Order)
        {
            var node = plan.Nodes[index];
            try
            {
                await node.Binding.PrepareAsync(ct).ConfigureAwait(false);
            }
            catch (ComponentLoadException e) when (e.Traceback is not null)
            {
                // Code that does not load: hetida's answer exactly (its parsing error carries no operator info; the
                // message names the component, the traceback says why).
                throw new ExecutionFailureException(new ExecutionError(
                    "NodeFunctionLoadingError", Errors.LoadFailureMessage(node.Revision), ProcessStage.PARSING_WORKFLOW), e);
            }
            catch (ComponentLoadException e)
            {
                // Without a Python traceback it is the host's failure (no Python, a worker that died): say why and
                // where, as a C# bind failure does.
                throw new ExecutionFailureException(new ExecutionError(
                    "NodeFunctionLoadingError",
                    $"{Errors.LoadFailureMessage(node.Revision)}: {e.Message}",
                    ProcessStage.PARSING_WORKFLOW,
                    OperatorInfo: Errors.OperatorInfo(node.Revision, node.HierarchyNames, node.HierarchyIds)), e);
            }
        }
    }

    private async ValueTask<IReadOnlyDictionary<string, object?>?[]> ExecuteAsync(IReadOnlyDictionary<string, object?> loaded, CancellationToken ct)
    {
        var results = new IReadOnlyDictionary<string, object?>?[plan.Nodes.Count];
        foreach (var index in plan.Order)
        {
            ct.ThrowIfCancellationRequested();
            var node = plan.Nodes[index];
            var args = new Dictionary<string, object?>(node.Inputs.Count);
            var missing = new List<string>();
            foreach (var (name, source) in node.Inputs)
            {
                switch (source)
                {
                    case InputSource.FromNode from:
                        args[name] = results[from.Node]![from.Output];
                        break;
                    case InputSource.Fixed f:
                        args[name] = f.Value;
                        break;
                    case InputSource.SkippedPlot:
                        args[name] = new JsonObject();
                        break;
                    case InputSource.RootInput r when loaded.TryGetValue(r.Name, out var v):
                        args[name] = v;
                        break;
                    case InputSource.RootInput r when plan.RootDefaults.TryGetValue(r.Name, out var d):
                        args[name] = d;
                        break;
                    default:
                        missing.Add(name);
                        break;
                }
            }
            if (missing.Count > 0)
            {
                throw Failure(node, "MissingInputSource",
                    $"Inputs of computation node are missing. Provided inputs are: {PySet(args.Keys)}. "
                    + $"Required params are: {PySet(node.Inputs.Select(i => i.Key))}.", null);
            }
            ValueBudget.CheckPlot(node, args, limits);
            _running = node;
            results[index] = await RunComponentAsync(node, args, ct).ConfigureAwait(false);
            // A component that does not watch the token (C# components run to their end) is stopped here.
            ct.ThrowIfCancellationRequested();
            ValueBudget.CheckOutputs(node, results[index]!, limits);
        }
        return results;
    }

    private static async ValueTask<IReadOnlyDictionary<string, object?>> RunComponentAsync(PlanNode node, Dictionary<string, object?> args, CancellationToken ct)
    {
        using var span = StartComponentSpan(node);
        IReadOnlyDictionary<string, object?> outputs;
        try
        {
            var run = node.Binding.RunAsync(new ComponentInputs(args, node.UsedOutputs), ct);
            outputs = run.IsCompletedSuccessfully ? run.Result : await run.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            var (type, message) = ComponentErrors.Describe(e);
            var py = e as PyException;
            span.Fail(type, nameof(ProcessStage.EXECUTING_COMPONENT_CODE));
            throw Failure(node, type, message, e, py?.ErrorCode, py?.ExtraInformation);
        }
        foreach (var output in node.Revision.Outputs)
        {
            if (output.Name is not null && !outputs.ContainsKey(output.Name))
            {
                span.Fail("MissingOutputException", nameof(ProcessStage.EXECUTING_COMPONENT_CODE));
                throw Failure(node, "MissingOutputException", $"Declared output '{output.Name}' not contained in returned dictionary.", null);
            }
        }
        return outputs;
    }

    /// <summary>One span per component run: which component and operator, never its data.</summary>
    private static System.Diagnostics.Activity? StartComponentSpan(PlanNode node)
    {
        if (!RunwireTelemetry.Source.HasListeners())
        {
            return null;
        }
        var (name, componentId, operatorId) = node.Span;
        var span = RunwireTelemetry.Start(name);
        span?.SetTag(RunwireTelemetry.Tags.ComponentName, node.Revision.Name)
            .SetTag(RunwireTelemetry.Tags.ComponentId, componentId)
            .SetTag(RunwireTelemetry.Tags.OperatorId, operatorId);
        return span;
    }

    private static ExecutionFailureException Failure(PlanNode node, string type, string message, Exception? cause, object? code = null, JsonObject? extra = null) =>
        new(new ExecutionError(type, message, ProcessStage.EXECUTING_COMPONENT_CODE, code, extra,
            Errors.OperatorInfo(node.Revision, node.HierarchyNames, node.HierarchyIds),
            cause is null ? null : ComponentErrors.Location(node, cause)), cause);

    private static string PySet(IEnumerable<string> names) =>
        "{" + string.Join(", ", names.Select(n => $"'{n}'")) + "}";

    /// <summary>Replaces the plan's placeholder root id (and the wrapper operator id) by this execution's ids.</summary>
    public ExecutionError WithExecutionIds(ExecutionError error)
    {
        if (error.OperatorInfo is not { } info)
        {
            return error;
        }
        var ids = info.HierarchyById.ToArray();
        if (ids.Length > 0)
        {
            ids[0] = _rootId;
        }
        if (plan.IsComponentWrapper && ids.Length > 1)
        {
            ids[1] = _wrapperOperatorId;
        }
        var transformation = plan.IsComponentWrapper && info.HierarchyByName.Count == 1
            ? info.TransformationInfo with { Id = _rootId }
            : info.TransformationInfo;
        return error with { OperatorInfo = info with { HierarchyById = ids, TransformationInfo = transformation } };
    }

    public MeasuredSteps Steps(DateTimeOffset start, DateTimeOffset prepared, DateTimeOffset end) => new(
        new MeasuredStep("internal_full", start, end),
        new MeasuredStep("prepare_execution_input", start, prepared),
        new MeasuredStep("run_execution_input", prepared, end),
        new MeasuredStep("RUNTIME_SERVICE", _runStart, _sendEnd),
        new MeasuredStep("EXECUTING_COMPONENT_CODE", _loadEnd, _execEnd),
        new MeasuredStep("LOADING_DATA_FROM_ADAPTERS", _loadStart, _loadEnd),
        new MeasuredStep("SENDING_DATA_TO_ADAPTERS", _execEnd, _sendEnd));
}
