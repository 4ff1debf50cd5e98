using Runwire.Core.Contracts.Pydantic;

namespace Runwire.Core.Contracts;

/// <summary>hetida's 422 <c>detail</c> texts for requests that fail before execution (spec §2.4).</summary>
public static class ValidationDetail
{
    /// <summary>
    /// <c>Could not validate execution input\n&lt;ExecByIdInput json indent=2&gt;:\n1 validation error for
    /// WorkflowExecutionInput\n__root__\n  &lt;message&gt; (type=value_error)</c>, echoing the request as hetida does
    /// (with the resolved revision id for execute-latest, and the wiring as <see cref="WiringValidationException.EchoedWiring"/>).
    /// </summary>
    public static string ForWiring(Guid transformationId, ExecutionJob job, WiringValidationException error)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(error);
        var request = new List<KeyValuePair<string, object?>>
        {
            new("id", transformationId),
            new("wiring", job.Wiring is null ? null : Wiring(error.EchoedWiring)),
            new("run_pure_plot_operators", job.RunPurePlotOperators),
            new("job_id", job.JobId),
        };
        return $"Could not validate execution input\n{PyJsonDumps.Dump(request)}:\n{error.PydanticText}";
    }

    /// <summary><c>Could not find transformation revision &lt;id&gt;:\n</c> (404).</summary>
    public static string ForUnknownTransformation(Guid transformationId) => $"Could not find transformation revision {transformationId:D}:\n";

    /// <summary>The 404 detail of execute-latest when a revision group has no released revision.</summary>
    public static string ForUnknownRevisionGroup(Guid revisionGroupId) =>
        $"Could not find any transformation revision with revision group id {revisionGroupId:D}:\n"
        + $"no released transformation revisions with revision group id {revisionGroupId:D} found in the database";

    private static List<KeyValuePair<string, object?>> Wiring(WorkflowWiring wiring) =>
    [
        new("input_wirings", wiring.InputWirings.Select(w => (object?)new List<KeyValuePair<string, object?>>
        {
            new("workflow_input_name", w.WorkflowInputName),
            new("adapter_id", Adapter(w.AdapterId)),
            new("ref_id", w.RefId),
            new("ref_id_type", w.RefIdType),
            new("ref_key", w.RefKey),
            new("type", w.Type),
            new("use_default_value", w.UseDefaultValue),
            new("filters", Filters(w.Filters)),
        }).ToList()),
        new("output_wirings", wiring.OutputWirings.Select(w => (object?)new List<KeyValuePair<string, object?>>
        {
            new("workflow_output_name", w.WorkflowOutputName),
            new("adapter_id", Adapter(w.AdapterId)),
            new("ref_id", w.RefId),
            new("ref_id_type", w.RefIdType),
            new("ref_key", w.RefKey),
            new("type", w.Type),
            new("filters", Filters(w.Filters)),
        }).ToList()),
        new("dashboard_positionings", new List<object?>()), // UI-only, not kept by Runwire
    ];

    private static object Adapter(AdapterId id) => id.IsInteger ? long.Parse(id.Value, System.Globalization.CultureInfo.InvariantCulture) : id.Value;

    private static List<KeyValuePair<string, object?>> Filters(IReadOnlyDictionary<string, string> filters) =>
        [.. filters.Select(kv => new KeyValuePair<string, object?>(kv.Key, kv.Value))];
}
