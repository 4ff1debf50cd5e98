using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Runwire.Core.Codecs;

namespace Runwire.Core.Components.DataQuality;

/// <summary>
/// pydantic v1 validation of a JSON object against a flat model, with pydantic's coercions (float("1e3"), "yes" as
/// True, 5 as "5") and its error text: "2 validation errors for ValueRange\nmin_value\n  field required (type=...)".
/// </summary>
public sealed class PydanticModel(string name, params PydanticField[] fields)
{
    /// <summary>Validated values by field name (double, bool or string), or the <c>str(ValidationError)</c> text.</summary>
    public (Dictionary<string, object> Values, string? Error) Validate(JsonObject data)
    {
        var values = new Dictionary<string, object>();
        var errors = new List<(string Location, string Message, string Type)>();
        foreach (var field in fields)
        {
            if (!data.TryGetPropertyValue(field.Name, out var node))
            {
                if (field.Required)
                {
                    errors.Add((field.Name, "field required", "value_error.missing"));
                }
                else
                {
                    values[field.Name] = field.Default!;
                }
                continue;
            }
            var (value, error) = Coerce(node, field.Type);
            if (error is null)
            {
                values[field.Name] = value!;
            }
            else
            {
                errors.Add((field.Name, error.Value.Message, error.Value.Type));
            }
        }
        return (values, errors.Count == 0 ? null : Format(errors));
    }

    /// <summary>The error text of a root validator's ValueError.</summary>
    public string RootError(string message) => Format([("__root__", message, "value_error")]);

    private string Format(List<(string Location, string Message, string Type)> errors) =>
        $"{errors.Count} validation error{(errors.Count == 1 ? "" : "s")} for {name}\n"
        + string.Join("\n", errors.Select(e => $"{e.Location}\n  {e.Message} (type={e.Type})"));

    private static (object? Value, (string Message, string Type)? Error) Coerce(JsonNode? node, PydanticType type)
    {
        if (node is null)
        {
            return (null, ("none is not an allowed value", "type_error.none.not_allowed"));
        }
        var kind = node.GetValueKind();
        return type switch
        {
            PydanticType.Float => kind switch
            {
                JsonValueKind.Number => (double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture), null),
                JsonValueKind.True => (1.0, null),
                JsonValueKind.False => (0.0, null),
                JsonValueKind.String when PyFloat.TryParse(node.GetValue<string>(), out var parsed) => (parsed, null),
                _ => (null, ("value is not a valid float", "type_error.float")),
            },
            PydanticType.Bool => kind switch
            {
                JsonValueKind.True => (true, null),
                JsonValueKind.False => (false, null),
                JsonValueKind.Number when double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture) is 1.0 => (true, null),
                JsonValueKind.Number when double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture) is 0.0 => (false, null),
                JsonValueKind.String when node.GetValue<string>().ToLowerInvariant() is "1" or "on" or "t" or "true" or "y" or "yes" => (true, null),
                JsonValueKind.String when node.GetValue<string>().ToLowerInvariant() is "0" or "off" or "f" or "false" or "n" or "no" => (false, null),
                _ => (null, ("value could not be parsed to a boolean", "type_error.bool")),
            },
            _ => kind switch
            {
                JsonValueKind.String => (node.GetValue<string>(), null),
                JsonValueKind.True => ("True", null),
                JsonValueKind.False => ("False", null),
                JsonValueKind.Number => (NumberText(node.ToJsonString()), null),
                _ => (null, ("str type expected", "type_error.str")),
            },
        };
    }

    // str() of the Python number json.loads made of the text: ints stay as written, floats in repr form
    private static string NumberText(string json) =>
        json.IndexOfAny(['.', 'e', 'E']) < 0 ? json : PyFormat.Repr(double.Parse(json, CultureInfo.InvariantCulture));
}
