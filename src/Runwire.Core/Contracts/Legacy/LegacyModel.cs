using Runwire.Core.Contracts.Pydantic;

namespace Runwire.Core.Contracts.Legacy;

/// <summary>
/// The hetida 0.5/0.6 Kafka payload <c>WiredExecutionDTO</c> (spec §1a): <c>workflowId</c>, <c>configuration</c>,
/// <c>workflow_wiring</c> with <c>source_id</c>/<c>sink_id</c>. The converted wiring then meets the rules the 0.6
/// runtime applied (identifier names, unique names); its filters had no key rules.
/// </summary>
internal static class LegacyModel
{
    public const string Model = "WiredExecutionDTO";
    private static readonly string[] RootKeys = ["workflowId", "workflow_wiring", "configuration"];
    private static readonly string[] ConfigurationKeys = ["engine", "name", "run_pure_plot_operators"];
    private static readonly string[] WiringKeys = ["input_wirings", "output_wirings"];
    private static readonly string[] InputKeys = ["workflow_input_name", "adapter_id", "source_id", "filters"];
    private static readonly string[] OutputKeys = ["workflow_output_name", "adapter_id", "sink_id"];

    /// <summary>Keys that only the legacy payload has; their presence decides which errors a failed payload reports.</summary>
    public static bool LooksLegacy(PyNode root) => root is PyDict d && RootKeys.Any(d.Has);

    public static ExecutionJob? Job(PyNode root, ErrorList errors)
    {
        if (JacksonObject.Open(root, [], errors, RootKeys) is not { } top)
        {
            return null;
        }
        var id = top.Uuid("workflowId", required: true);
        var wiring = top.Required("workflow_wiring") is { } w ? Wiring(w, top.Loc.Then("workflow_wiring"), errors) : null;
        var plots = false;
        if (top.Required("configuration") is { } c && JacksonObject.Open(c, top.Loc.Then("configuration"), errors, ConfigurationKeys) is { } config)
        {
            if (config.String("engine") is { } engine && engine != "plain")
            {
                // the runtime behind the Java backend knew one engine only
                errors.Add(config.Loc.Then("engine"), "value is not a valid enumeration member; permitted: 'plain'", "type_error.enum");
            }
            config.Uuid("name");
            plots = config.Boolean("run_pure_plot_operators");
        }
        return errors.Count > 0 || id is null || wiring is null
            ? null
            : new ExecutionJob(id, null, wiring, plots, Guid.NewGuid(), false, JobFormat.Legacy);
    }

    private static WorkflowWiring? Wiring(PyNode node, IReadOnlyList<object> loc, ErrorList errors)
    {
        if (JacksonObject.Open(node, loc, errors, WiringKeys) is not { } wiring)
        {
            return null;
        }
        var inputs = List(wiring, "input_wirings", errors, Input, i => i.WorkflowInputName, WiringModel.DuplicateInputs);
        var outputs = List(wiring, "output_wirings", errors, Output, o => o.WorkflowOutputName, WiringModel.DuplicateOutputs);
        return inputs is null || outputs is null ? null : new WorkflowWiring(inputs, outputs);
    }

    private static List<T>? List<T>(JacksonObject parent, string key, ErrorList errors,
        Func<PyNode, IReadOnlyList<object>, ErrorList, T?> item, Func<T, string> name, string duplicates) where T : class
    {
        var loc = parent.Loc.Then(key);
        if (parent.Required(key) is not { } node || PyFields.List(node, loc, errors) is not { } list)
        {
            return null;
        }
        var before = errors.Count;
        var items = new List<T>();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is PyNone)
            {
                errors.NoneNotAllowed(loc.Then(i));
            }
            else if (item(list[i], loc.Then(i), errors) is { } value)
            {
                items.Add(value);
            }
        }
        if (errors.Count == before && items.Select(name).Distinct(StringComparer.Ordinal).Count() != items.Count)
        {
            errors.ValueError(loc, duplicates);
        }
        return errors.Count > before ? null : items;
    }

    private static InputWiring? Input(PyNode node, IReadOnlyList<object> loc, ErrorList errors)
    {
        if (JacksonObject.Open(node, loc, errors, InputKeys) is not { } o)
        {
            return null;
        }
        var name = Name(o, "workflow_input_name", errors);
        var adapter = o.String("adapter_id", required: true);
        var sourceId = o.String("source_id");
        var filters = Filters(o.Optional("filters"), loc.Then("filters"), errors);
        return name is null || adapter is null ? null : new InputWiring(name, new AdapterId(adapter, false), sourceId, Filters: filters);
    }

    /// <summary>Java's <c>Map&lt;String,String&gt;</c>; a null map or value is kept as empty, as the runtime turned None into "".</summary>
    private static OrderedDictionary<string, string> Filters(PyNode? node, IReadOnlyList<object> loc, ErrorList errors)
    {
        var filters = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        if (node is PyDict dict)
        {
            foreach (var (key, value) in dict.Items)
            {
                filters[key] = value is PyNone ? "" : JacksonObject.StringOf(value, loc.Then(key), errors) ?? "";
            }
        }
        else if (node is not null)
        {
            errors.Add(loc, "value is not a valid dict", "type_error.dict");
        }
        return filters;
    }

    private static OutputWiring? Output(PyNode node, IReadOnlyList<object> loc, ErrorList errors)
    {
        if (JacksonObject.Open(node, loc, errors, OutputKeys) is not { } o)
        {
            return null;
        }
        var name = Name(o, "workflow_output_name", errors);
        var adapter = o.String("adapter_id", required: true);
        var sinkId = o.String("sink_id");
        return name is null || adapter is null ? null : new OutputWiring(name, new AdapterId(adapter, false), sinkId);
    }

    private static string? Name(JacksonObject o, string key, ErrorList errors)
    {
        var name = o.String(key, required: true);
        if (name is not null && !PyIdentifier.IsValid(name))
        {
            errors.ValueError(o.Loc.Then(key), $"{name} is not a valid Python identifier");
            return null;
        }
        return name;
    }
}
