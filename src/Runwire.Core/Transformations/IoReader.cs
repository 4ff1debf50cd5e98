using System.Text.Json.Nodes;

namespace Runwire.Core.Transformations;

/// <summary>Reads io_interface inputs/outputs and checks their names.</summary>
internal static class IoReader
{
    public static IReadOnlyList<IoInputDefinition> Inputs(JsonNode? node, TransformationReader.Problems p, string where)
    {
        if (node is not JsonArray array)
        {
            p.Add($"{where} must be a list");
            return [];
        }
        var result = new List<IoInputDefinition>();
        foreach (var (item, i) in array.Select((x, i) => (x as JsonObject, i)))
        {
            if (item is null)
            {
                p.Add($"{where}[{i}] must be an object");
                continue;
            }
            var required = (item["type"]?.GetValue<string>() ?? "REQUIRED") != "OPTIONAL";
            var value = item["value"];
            if (required && value is not null)
            {
                p.Add($"{where}[{i}]: a REQUIRED input must not have a default value");
            }
            result.Add(new IoInputDefinition(
                p.Guid(item["id"], $"{where}[{i}].id"),
                item["name"]?.GetValue<string>(),
                p.DataType(item["data_type"], $"{where}[{i}]"),
                required,
                value?.DeepClone()));
        }
        return result;
    }

    public static IReadOnlyList<IoOutputDefinition> Outputs(JsonNode? node, TransformationReader.Problems p, string where)
    {
        if (node is not JsonArray array)
        {
            p.Add($"{where} must be a list");
            return [];
        }
        var result = new List<IoOutputDefinition>();
        foreach (var (item, i) in array.Select((x, i) => (x as JsonObject, i)))
        {
            if (item is null)
            {
                p.Add($"{where}[{i}] must be an object");
                continue;
            }
            result.Add(new IoOutputDefinition(
                p.Guid(item["id"], $"{where}[{i}].id"),
                item["name"]?.GetValue<string>(),
                p.DataType(item["data_type"], $"{where}[{i}]")));
        }
        return result;
    }

    public static void CheckNames(IEnumerable<string?> names, string kind, TransformationState state, TransformationReader.Problems p)
    {
        var seen = new HashSet<string>();
        foreach (var name in names)
        {
            if (string.IsNullOrEmpty(name))
            {
                if (state != TransformationState.Draft)
                {
                    p.Add($"every {kind} of a released or disabled revision needs a name");
                }
                continue;
            }
            if (!Identifiers.IsPythonIdentifier(name))
            {
                p.Add($"{kind} name '{name}' is not a valid Python identifier");
            }
            if (!seen.Add(name))
            {
                p.Add($"{kind} names must be unique; '{name}' occurs twice");
            }
        }
    }
}
