using System.Text.Json.Nodes;

namespace Runwire.Core.Transformations.PyModules;

/// <summary>
/// The io_interface hetida derives from <c>COMPONENT_INFO["inputs"]</c> and <c>["outputs"]</c>: ids from
/// <c>get_uuid_from_seed("component_input_&lt;name&gt;")</c>, an input with a <c>default_value</c> key is OPTIONAL and its
/// value is <c>get_json_default_value_from_python_object</c>'s text. An entry may also be just the data type name.
/// </summary>
internal static class IoInterfaceExport
{
    public static JsonArray Inputs(PyValue.Dict info, TransformationReader.Problems p)
    {
        var inputs = new JsonArray();
        foreach (var (name, entry) in Entries(info, "inputs", p))
        {
            var optional = entry is PyValue.Dict d && d.Has("default_value");
            var input = new JsonObject
            {
                ["data_type"] = DataType(entry, "input", name, p),
                ["id"] = SeededUuid.From("component_input_" + name).ToString("D"),
                ["name"] = name,
                ["type"] = optional ? "OPTIONAL" : "REQUIRED",
            };
            if (optional && DefaultValue(name, (PyValue.Dict)entry, p) is { } value)
            {
                input["value"] = value;
            }
            inputs.Add(input);
        }
        return inputs;
    }

    public static JsonArray Outputs(PyValue.Dict info, TransformationReader.Problems p)
    {
        var outputs = new JsonArray();
        foreach (var (name, entry) in Entries(info, "outputs", p))
        {
            outputs.Add(new JsonObject
            {
                ["data_type"] = DataType(entry, "output", name, p),
                ["id"] = SeededUuid.From("component_output_" + name).ToString("D"),
                ["name"] = name,
            });
        }
        return outputs;
    }

    private static IEnumerable<(string Name, PyValue Entry)> Entries(PyValue.Dict info, string key, TransformationReader.Problems p)
    {
        switch (info.Get(key))
        {
            case null:
                return [];
            case PyValue.Dict entries:
                foreach (var bad in entries.Items.Where(kv => kv.Key is not PyValue.Str))
                {
                    p.Add($"COMPONENT_INFO[\"{key}\"] has a {bad.Key.TypeName} key; names must be strings");
                }
                return entries.Items.Where(kv => kv.Key is PyValue.Str).Select(kv => (((PyValue.Str)kv.Key).Value, kv.Value));
            case var other:
                p.Add($"COMPONENT_INFO[\"{key}\"] must be a dict of names to data types, not a {other.TypeName}");
                return [];
        }
    }

    private static string? DataType(PyValue entry, string kind, string name, TransformationReader.Problems p)
    {
        var type = entry is PyValue.Dict d ? d.Get("data_type") : entry;
        if (type is PyValue.Str s)
        {
            return s.Value;
        }
        p.Add(type is null
            ? $"{kind} '{name}' has no \"data_type\""
            : $"{kind} '{name}' must be a data type name or a dict with \"data_type\", not a {type.TypeName}");
        return null;
    }

    /// <summary>A str default of a STRING or ANY input is kept as it is; anything else is <c>json.dumps</c>-ed; None means no value.</summary>
    private static string? DefaultValue(string name, PyValue.Dict entry, TransformationReader.Problems p)
    {
        var value = entry.Get("default_value")!;
        if (value is PyValue.NoneType)
        {
            return null;
        }
        var type = entry.Get("data_type");
        if (type is null)
        {
            p.Add($"input '{name}': for optional inputs a data type must be provided in the COMPONENT_INFO");
            return null;
        }
        if (value is PyValue.Str s && type is PyValue.Str { Value: "STRING" or "ANY" })
        {
            return s.Value;
        }
        try
        {
            return PyValueJson.Dumps(value);
        }
        catch (ArgumentException e)
        {
            p.Add($"default_value of input '{name}' cannot be written as JSON: {e.Message}");
            return null;
        }
    }
}
