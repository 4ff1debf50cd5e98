namespace Runwire.Core.Contracts.Pydantic;

/// <summary>
/// hetida's deprecated camelCase body <c>WiringFrontendDto</c> of <c>POST /api/workflows/{id}/execute</c>
/// (<c>runtime/hetdesrun/backend/models/wiring.py</c>). Only camelCase keys count (pydantic alias generator).
/// </summary>
internal static class WebFormModel
{
    public const string Model = "WiringFrontendDto";
    private const string CannotCheck = "Cannot check if metadata type includes additional fields if any of the attributes "
        + "'ref_id_type', 'ref_key' is missing!";

    public static WorkflowWiring? Wiring(PyNode root, ErrorList errors)
    {
        if (PyModel.Root(root, Model, errors) is not { } m)
        {
            return null;
        }
        m.Field("id", PyFields.Uuid, Presence.Defaulted, Guid.Empty);
        m.Field("name", PyFields.Str, Presence.Defaulted, "");
        var inputs = m.Field("inputWirings", WiringModel.Items(Input, w => w.Wiring.WorkflowInputName, WiringModel.DuplicateInputs));
        var outputs = m.Field("outputWirings", WiringModel.Items(Output, w => w.WorkflowOutputName, WiringModel.DuplicateOutputs));
        if (errors.Count > 0)
        {
            return null;
        }
        // to_wiring() builds hetida's InputWiring, whose filter rules the DTO's plain dict did not check yet
        // (hetida answers 500 there; Runwire reports them like every other validation error).
        var converted = new List<InputWiring>();
        for (var i = 0; i < inputs.Value.Count; i++)
        {
            var (wiring, rawFilters) = inputs.Value[i];
            var filters = rawFilters is null
                ? new Dictionary<string, string>()
                : WiringFields.Filters(rawFilters, ["inputWirings", i, "filters"], errors);
            converted.Add(wiring with { Filters = filters.Ok ? filters.Value : new Dictionary<string, string>() });
        }
        return errors.Count > 0 ? null : new WorkflowWiring(converted, outputs.Value);
    }

    private static Checked<(InputWiring Wiring, PyNode? Filters)> Input(PyNode node, IReadOnlyList<object> loc, ErrorList errors)
    {
        if (PyModel.Nested(node, loc, errors) is not { } m)
        {
            return Checked<(InputWiring, PyNode?)>.Invalid;
        }
        var before = errors.Count;
        var refs = References(m, errors);
        var name = m.Field("workflowInputName", WiringFields.Name);
        var adapter = m.Field("adapterId", WiringFields.Adapter("source"));
        var filters = m.Field<PyNode?>("filters", RawDict, Presence.Defaulted, null);
        m.Field<string?>("value", (n, l, e) => PyFields.Str(n, l, e).AsNullable(), Presence.Nullable, null); // accepted, never used
        return errors.Count > before
            ? Checked<(InputWiring, PyNode?)>.Invalid
            : (new InputWiring(name.Value, adapter.Value, refs.RefId, refs.RefIdType, refs.RefKey, refs.Type), filters.Value);
    }

    private static Checked<OutputWiring> Output(PyNode node, IReadOnlyList<object> loc, ErrorList errors)
    {
        if (PyModel.Nested(node, loc, errors) is not { } m)
        {
            return Checked<OutputWiring>.Invalid;
        }
        var before = errors.Count;
        var refs = References(m, errors);
        var name = m.Field("workflowOutputName", WiringFields.Name);
        var adapter = m.Field("adapterId", WiringFields.Adapter("sink"));
        // Output filters are not part of the DTO: to_output_wiring() drops them.
        return errors.Count > before
            ? Checked<OutputWiring>.Invalid
            : new OutputWiring(name.Value, adapter.Value, refs.RefId, refs.RefIdType, refs.RefKey, refs.Type);
    }

    private static (string? RefId, string? RefIdType, string? RefKey, string? Type) References(PyModel m, ErrorList errors)
    {
        m.Field("id", PyFields.Uuid, Presence.Defaulted, Guid.Empty);
        var refId = m.Field<string?>("refId", (n, l, e) => PyFields.Str(n, l, e).AsNullable(), Presence.Nullable, null);
        var refIdType = m.Field<string?>("refIdType", (n, l, e) => WiringFields.RefIdType(n, l, e).AsNullable(), Presence.Nullable, null);
        var refKey = m.Field<string?>("refKey", (n, l, e) => PyFields.Str(n, l, e).AsNullable(), Presence.Nullable, null);
        var type = m.Field<string?>("type", (n, l, e) => WiringFields.ExternalType(n, l, e).AsNullable(), Presence.Nullable, null);
        if (m.Has("type") && type.Ok)
        {
            // The DTO's validator looks the other two fields up first (even for a null type), and its
            // message says OutputWiring for inputs too.
            if (!refIdType.Ok || !refKey.Ok)
            {
                errors.ValueError(m.Loc.Then("type"), CannotCheck);
            }
            else if (type.Value is { } t && WiringFields.IsMetadata(t) && (refIdType.Value is null || refKey.Value is null))
            {
                errors.ValueError(m.Loc.Then("type"), "metadata datatype in OutputWiring requires additional fields "
                    + "\"ref_id_type\" and \"ref_key\". At least one of them is missing.");
            }
        }
        return (refId.Value, refIdType.Value, refKey.Value, type.Value);
    }

    private static Checked<PyNode?> RawDict(PyNode node, IReadOnlyList<object> loc, ErrorList errors)
    {
        if (PyMapping.Coerce(node) is null)
        {
            errors.Add(loc, "value is not a valid dict", "type_error.dict");
            return Checked<PyNode?>.Invalid;
        }
        return node;
    }

    /// <summary>The query parameters, validated as FastAPI validates them (<c>bool</c> and <c>UUID | None</c>).</summary>
    public static (bool Plots, Guid? JobId) Query(string? runPurePlotOperators, string? jobId, ErrorList errors)
    {
        var plots = runPurePlotOperators is null ? false : PyFields.Bool(new PyStr(runPurePlotOperators), ["query", "run_pure_plot_operators"], errors);
        var id = jobId is null ? default : PyFields.Uuid(new PyStr(jobId), ["query", "job_id"], errors);
        return (plots.Ok && plots.Value, jobId is not null && id.Ok ? id.Value : null);
    }
}
