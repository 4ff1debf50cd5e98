using System.Collections.Concurrent;
using Runwire.Core.Adapters;
using Runwire.Core.Components;
using Runwire.Core.Components.Runners;
using Runwire.Core.Contracts;
using Runwire.Core.Data;
using Runwire.Core.Telemetry;
using Runwire.Core.Transformations;

namespace Runwire.Core.Engine;

/// <summary>
/// Runs one execution job the way hetida's backend and runtime do together (spec §4.3, §4.4): resolve the
/// transformation, check the wiring, then run the stages and answer with hetida's execution response.
/// Jobs that hetida rejects before its runtime throw <see cref="TransformationNotFoundException"/> (404) or
/// <see cref="ExecutionInputValidationException"/> (422); everything later is a <c>"failure"</c> result.
/// </summary>
public sealed class ExecutionEngine
{
    private readonly TransformationStore _store;
    private readonly ComponentRunners _components;
    private readonly AdapterRegistry _adapters;
    private readonly ConcurrentDictionary<(Guid, bool), ExecutionPlan> _plans = new();

    // Revisions are immutable, so a stored test wiring is decoded once per revision, not once per job.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TransformationRevision, WorkflowWiring> TestWirings = new();

    public ExecutionEngine(TransformationStore store, ComponentRegistry components, AdapterRegistry adapters)
        : this(store, new ComponentRunners(components), adapters)
    {
    }

    public ExecutionEngine(TransformationStore store, ComponentRunners components, AdapterRegistry adapters, ExecutionLimits? limits = null)
    {
        _store = store;
        _components = components;
        _adapters = adapters;
        Limits = limits ?? ExecutionLimits.Default;
        _store.Changed += _plans.Clear;
    }

    public TransformationStore Store => _store;

    /// <summary>The budgets every job of this engine runs under.</summary>
    public ExecutionLimits Limits { get; }

    /// <summary>The runners that execute components (C#, and Python where configured).</summary>
    public ComponentRunners Components => _components;

    /// <summary>The revision a job names: by id, or the latest released one of its group.</summary>
    public TransformationRevision Resolve(ExecutionJob job)
    {
        if (job.TransformationId is { } id)
        {
            return _store.Find(id) ?? throw new TransformationNotFoundException(ValidationDetail.ForUnknownTransformation(id));
        }
        var group = job.RevisionGroupId ?? throw new TransformationNotFoundException("The job names no transformation.");
        return _store.FindLatestReleased(group) ?? throw new TransformationNotFoundException(ValidationDetail.ForUnknownRevisionGroup(group));
    }

    /// <summary>The job's wiring (or the stored test wiring) completed and checked against the transformation.</summary>
    public static WorkflowWiring CompleteWiring(ExecutionJob job, TransformationRevision revision)
    {
        WorkflowWiring wiring;
        try
        {
            wiring = job.Wiring ?? TestWirings.GetValue(revision,
                r => JobDecoder.DecodeWiring(System.Text.Encoding.UTF8.GetBytes(r.TestWiring?.ToJsonString() ?? "{}")));
        }
        catch (JobDecodeException e)
        {
            throw new ExecutionInputValidationException(
                new WiringValidationException($"The stored test wiring of '{revision.Name}' is not valid: {e.Message}", WorkflowWiring.Empty), revision.Id);
        }
        try
        {
            return WiringValidator.Complete(
                wiring,
                [.. revision.Inputs.Where(i => !string.IsNullOrEmpty(i.Name)).Select(i => new IoInput(i.Name!, i.DataType, i.Required))],
                [.. revision.Outputs.Where(o => !string.IsNullOrEmpty(o.Name)).Select(o => new IoOutput(o.Name!, o.DataType))]);
        }
        catch (WiringValidationException e)
        {
            throw new ExecutionInputValidationException(e, revision.Id);
        }
    }

    public async Task<ExecutionResult> ExecuteAsync(ExecutionJob job, CancellationToken cancellationToken = default)
    {
        var start = DateTimeOffset.UtcNow;
        var (revision, wiring) = Validate(job);
        var prepared = DateTimeOffset.UtcNow;
        var outputTypes = revision.Outputs.Where(o => !string.IsNullOrEmpty(o.Name))
            .Select(o => KeyValuePair.Create(o.Name!, o.DataType)).ToList();
        var plan = _plans.GetOrAdd((revision.Id, job.RunPurePlotOperators), key => BuildPlan(revision, key.Item2));
        var run = new JobRun(plan, wiring, _adapters, new AdapterContext(job.JobId, revision.Id), Limits);
        try
        {
            var outputs = await RunWithinBudgetAsync(run, cancellationToken).ConfigureAwait(false);
            var end = DateTimeOffset.UtcNow;
            return new ExecutionResult(job.JobId, null, outputs, outputTypes, run.Steps(start, prepared, end), ProcessId: Environment.ProcessId);
        }
        catch (ExecutionFailureException failure)
        {
            var end = DateTimeOffset.UtcNow;
            var steps = new MeasuredSteps(
                new MeasuredStep("internal_full", start, end),
                new MeasuredStep("prepare_execution_input", start, prepared),
                new MeasuredStep("run_execution_input", prepared, end));
            var error = run.WithExecutionIds(failure.Error);
            return new ExecutionResult(job.JobId, error, [], outputTypes, steps, Traceback: Traceback(failure, error), ProcessId: Environment.ProcessId);
        }
    }

    /// <summary>
    /// Runs the job within <see cref="ExecutionLimits.JobTimeout"/>. The answer comes at the deadline even when a C#
    /// component does not return by then: the run is left behind and ends at its next component boundary (a Python
    /// component's worker is stopped at once).
    /// </summary>
    private async Task<IReadOnlyList<KeyValuePair<string, object?>>> RunWithinBudgetAsync(JobRun run, CancellationToken ct)
    {
        if (Limits.JobTimeout <= TimeSpan.Zero)
        {
            return await run.RunAsync(ct).ConfigureAwait(false);
        }
        var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(Limits.JobTimeout);
        // Its own task: C# components run synchronously, and the deadline must not wait for them.
        var running = Task.Run(() => run.RunAsync(budget.Token), CancellationToken.None);
        try
        {
            return await running.WaitAsync(budget.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            var (stage, node) = run.Progress;
            throw new ExecutionFailureException(LimitErrors.Timeout(Limits.JobTimeout, stage, node is null ? null : ValueBudget.Where(node)));
        }
        finally
        {
            // The token source lives until the run has ended, so a run left behind still sees it cancelled.
            _ = running.ContinueWith(t =>
            {
                _ = t.Exception;
                budget.Dispose();
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>Resolves the transformation and checks the wiring, in a <c>validate</c> span.</summary>
    public (TransformationRevision Revision, WorkflowWiring Wiring) Validate(ExecutionJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        using var span = RunwireTelemetry.Start(RunwireTelemetry.Spans.Validate);
        try
        {
            var revision = Resolve(job);
            span?.SetTag(RunwireTelemetry.Tags.TransformationId, revision.Id.ToString("D"))
                .SetTag(RunwireTelemetry.Tags.TransformationName, revision.Name);
            return (revision, CompleteWiring(job, revision));
        }
        catch (TransformationNotFoundException)
        {
            span.Fail(job.TransformationId is null ? FailureResults.NoReleasedRevisionErrorType : FailureResults.NotFoundErrorType, nameof(ProcessStage.PARSING_WORKFLOW));
            throw;
        }
        catch (ExecutionInputValidationException)
        {
            span.Fail(FailureResults.InputValidationErrorType, nameof(ProcessStage.PARSING_WORKFLOW));
            throw;
        }
    }

    // Python errors carry the worker's traceback of the component's own frames; C# failures get a hetida-style one.
    private static string Traceback(ExecutionFailureException failure, ExecutionError error) => failure.InnerException switch
    {
        PyException { Traceback: { } python } => python,
        ComponentLoadException { Traceback: { } load } => load,
        _ => Tracebacks.Of(error),
    };

    private ExecutionPlan BuildPlan(TransformationRevision revision, bool runPurePlotOperators) =>
        new PlanBuilder(_store, _components, runPurePlotOperators).Build(revision);
}
