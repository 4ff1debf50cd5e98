using Runwire.Core.Adapters;
using Runwire.Core.Codecs;
using Runwire.Core.Contracts;
using Runwire.Core.Data;
using Runwire.Core.Telemetry;

namespace Runwire.Core.Engine;

/// <summary>Stages LOADING_DATA_FROM_ADAPTERS and PARSING_LOADED_DATA: fetch every wired root input and parse it into its type.</summary>
internal static class InputLoader
{
    public static async Task<IReadOnlyDictionary<string, object?>> LoadAsync(
        ExecutionPlan plan, WorkflowWiring wiring, AdapterRegistry adapters, AdapterContext context, CancellationToken ct)
    {
        var types = plan.Root.Inputs.Where(i => i.Name is not null).ToDictionary(i => i.Name!, i => i.DataType);
        var texts = new Dictionary<string, string>();
        var loaded = new Dictionary<string, object?>();
        // use_default_value wirings are not loaded: the input's default applies.
        foreach (var group in wiring.InputWirings.Where(w => !w.UseDefaultValue).GroupBy(w => w.AdapterId))
        {
            if (group.Key.IsDirectProvisioning)
            {
                foreach (var w in group)
                {
                    texts[w.WorkflowInputName] = w.Filters.TryGetValue("value", out var value)
                        ? value
                        : throw Failure("AdapterClientWiringInvalidError", "Direct Input Provisioning without 'value' field in filters");
                }
                continue;
            }
            using var span = AdapterSpan(RunwireTelemetry.Spans.Load, group.Key.Value, RunwireTelemetry.Tags.Inputs,
                group.Select(w => w.WorkflowInputName));
            var adapter = group.Key.IsInteger ? null : adapters.FindSource(group.Key.Value);
            if (adapter is null)
            {
                span.Fail(group.Key.IsInteger ? "AdapterUnknownError" : "AdapterHandlingException", nameof(ProcessStage.LOADING_DATA_FROM_ADAPTERS));
                throw Failure(group.Key.IsInteger ? "AdapterUnknownError" : "AdapterHandlingException",
                    group.Key.IsInteger ? $"Unknown adapter with id {group.Key.Value}." : adapters.MissingMessage(group.Key.Value));
            }
            var requests = group.Select(w => new SourceRequest(w, types.GetValueOrDefault(w.WorkflowInputName, DataType.Any))).ToList();
            try
            {
                foreach (var (name, value) in await adapter.LoadAsync(requests, context, ct).ConfigureAwait(false))
                {
                    loaded[name] = value;
                }
            }
            catch (AdapterException e)
            {
                span.Fail(e.TypeName, nameof(ProcessStage.LOADING_DATA_FROM_ADAPTERS));
                throw Failure(e.TypeName, e.Message, e);
            }
        }
        using var parseSpan = texts.Count > 0
            ? AdapterSpan(RunwireTelemetry.Spans.Load, AdapterId.DirectProvisioningName, RunwireTelemetry.Tags.Inputs, texts.Keys)
            : null;
        foreach (var (name, text) in texts)
        {
            try
            {
                loaded[name] = ValueParser.Parse(text, types.GetValueOrDefault(name, DataType.Any), nullable: false);
            }
            catch (ValueParseException e)
            {
                parseSpan.Fail("WorkflowInputDataValidationError", nameof(ProcessStage.PARSING_LOADED_DATA));
                // hetida v0.9.8 loses this failure (spec §2.4 quirk); Runwire reports it like hetida's develop branch.
                throw ExecutionFailureException.InputDataValidation(name, e);
            }
        }
        return loaded;
    }

    /// <summary>A span per adapter call, naming the adapter and the workflow inputs or outputs it serves.</summary>
    internal static System.Diagnostics.Activity? AdapterSpan(string operation, string adapterId, string ioTag, IEnumerable<string> names)
    {
        if (!RunwireTelemetry.Source.HasListeners())
        {
            return null;
        }
        var span = RunwireTelemetry.Start($"{operation} {adapterId}", System.Diagnostics.ActivityKind.Client);
        span?.SetTag(RunwireTelemetry.Tags.AdapterId, adapterId).SetTag(ioTag, names.ToArray());
        return span;
    }

    private static ExecutionFailureException Failure(string type, string message, Exception? cause = null) =>
        new(new ExecutionError(type, message, ProcessStage.LOADING_DATA_FROM_ADAPTERS), cause);
}
