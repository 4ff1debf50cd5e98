namespace Runwire.Core.Contracts.Pydantic;

/// <summary>hetida's <c>WorkflowWiring</c>, <c>InputWiring</c> and <c>OutputWiring</c> (snake_case, as in ExecByIdInput).</summary>
internal static class WiringModel
{
    public const string DuplicateInputs = "Duplicates in workflow input names occuring in the input wirings not allowed.";
    public const string DuplicateOutputs = "Duplicates in workflow output names occuring in the output wirings not allowed.";

    public static Checked<WorkflowWiring> Wiring(PyNode node, IReadOnlyList<object> loc, ErrorList errors)
    {
        if (PyModel.Nested(node, loc, errors) is not { } model)
        {
            return Checked<WorkflowWiring>.Invalid;
        }
        var before = errors.Count;
        var inputs = model.Field("input_wirings", Items(Input, w => w.WorkflowInputName, DuplicateInputs), Presence.Defaulted, []);
        var outputs = model.Field("output_wirings", Items(Output, w => w.WorkflowOutputName, DuplicateOutputs), Presence.Defaulted, []);
        model.Field("dashboard_positionings", Items(Positioning, null, ""), Presence.Defaulted, []);
        return errors.Count > before ? Checked<WorkflowWiring>.Invalid : new WorkflowWiring(inputs.Value, outputs.Value);
    }

    /// <summary><c>list[Model]</c> with hetida's "names unique" list validator, which runs only if every item is valid.</summary>
    public static FieldValidator<IReadOnlyList<T>> Items<T>(FieldValidator<T> item, Func<T, string>? name, string duplicateMessage) =>
        (node, loc, errors) =>
        {
            if (PyFields.List(node, loc, errors) is not { } list)
            {
                return Checked<IReadOnlyList<T>>.Invalid;
            }
            var before = errors.Count;
            var items = new List<T>();
            for (var i = 0; i < list.Count; i++)
            {
                var itemLoc = loc.Then(i);
                if (list[i] is PyNone)
                {
                    errors.NoneNotAllowed(itemLoc);
                    continue;
                }
                var checkedItem = item(list[i], itemLoc, errors);
                if (checkedItem.Ok)
                {
                    items.Add(checkedItem.Value);
                }
            }
            if (errors.Count > before)
            {
                return Checked<IReadOnlyList<T>>.Invalid;
            }
            if (name is not null && items.Select(name).Distinct(StringComparer.Ordinal).Count() != items.Count)
            {
                errors.ValueError(loc, duplicateMessage);
                return Checked<IReadOnlyList<T>>.Invalid;
            }
            return items;
        };

    private static Checked<InputWiring> Input(PyNode node, IReadOnlyList<object> loc, ErrorList errors)
    {
        if (PyModel.Nested(node, loc, errors) is not { } m)
        {
            return Checked<InputWiring>.Invalid;
        }
        var before = errors.Count;
        var name = m.Field("workflow_input_name", WiringFields.Name);
        var adapter = m.Field("adapter_id", WiringFields.Adapter("source"));
        var refs = References(m, errors, "InputWiring");
        var useDefault = m.Field("use_default_value", PyFields.Bool, Presence.Defaulted, false);
        var filters = m.Field("filters", WiringFields.Filters, Presence.Defaulted, new Dictionary<string, string>());
        return errors.Count > before
            ? Checked<InputWiring>.Invalid
            : new InputWiring(name.Value, adapter.Value, refs.RefId, refs.RefIdType, refs.RefKey, refs.Type, useDefault.Value, filters.Value);
    }

    private static Checked<OutputWiring> Output(PyNode node, IReadOnlyList<object> loc, ErrorList errors)
    {
        if (PyModel.Nested(node, loc, errors) is not { } m)
        {
            return Checked<OutputWiring>.Invalid;
        }
        var before = errors.Count;
        var name = m.Field("workflow_output_name", WiringFields.Name);
        var adapter = m.Field("adapter_id", WiringFields.Adapter("sink"));
        var refs = References(m, errors, "OutputWiring");
        var filters = m.Field("filters", WiringFields.Filters, Presence.Defaulted, new Dictionary<string, string>());
        return errors.Count > before
            ? Checked<OutputWiring>.Invalid
            : new OutputWiring(name.Value, adapter.Value, refs.RefId, refs.RefIdType, refs.RefKey, refs.Type, filters.Value);
    }

    /// <summary><c>ref_id</c>, <c>ref_id_type</c>, <c>ref_key</c>, <c>type</c>, with the metadata rule on <c>type</c>.</summary>
    private static (string? RefId, string? RefIdType, string? RefKey, string? Type) References(PyModel m, ErrorList errors, string model)
    {
        var refId = m.Field<string?>("ref_id", (n, l, e) => PyFields.Str(n, l, e).AsNullable(), Presence.Nullable, null);
        var refIdType = m.Field<string?>("ref_id_type", (n, l, e) => WiringFields.RefIdType(n, l, e).AsNullable(), Presence.Nullable, null);
        var refKey = m.Field<string?>("ref_key", (n, l, e) => PyFields.Str(n, l, e).AsNullable(), Presence.Nullable, null);
        var type = m.Field<string?>("type", (n, l, e) => WiringFields.ExternalType(n, l, e).AsNullable(), Presence.Nullable, null);
        // hetida reads ref_id_type/ref_key from the already validated values; if one of them failed it crashes
        // with a KeyError (no answer at all), so here the failed field's own error is reported instead.
        if (type is { Ok: true, Value: { } t } && refIdType.Ok && refKey.Ok && WiringFields.IsMetadata(t)
            && (refIdType.Value is null || refKey.Value is null))
        {
            errors.ValueError(m.Loc.Then("type"), $"metadata datatype in {model} requires additional fields "
                + "\"ref_id_type\" and \"ref_key\". At least one of them is missing.");
        }
        return (refId.Value, refIdType.Value, refKey.Value, type.Value);
    }

    private static Checked<string> Positioning(PyNode node, IReadOnlyList<object> loc, ErrorList errors)
    {
        if (PyModel.Nested(node, loc, errors) is not { } m)
        {
            return Checked<string>.Invalid;
        }
        foreach (var side in new[] { "x", "y", "w", "h" })
        {
            m.Field<long?>(side, NonNegative, Presence.Nullable, null);
        }
        return m.Field("id", PyFields.Str);
    }

    private static Checked<long?> NonNegative(PyNode node, IReadOnlyList<object> loc, ErrorList errors)
    {
        var value = PyFields.Int(node, loc, errors);
        if (value is { Ok: true, Value: < 0 })
        {
            errors.Add(loc, "ensure this value is greater than or equal to 0", "value_error.number.not_ge");
            return Checked<long?>.Invalid;
        }
        return value.AsNullable();
    }
}
