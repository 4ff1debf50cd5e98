using System.Text.Json.Nodes;
using Runwire.Core.Data;

namespace Runwire.Core.Components.DataQuality;

/// <summary>Errors hetida's .py components raise beyond plain Python exceptions.</summary>
public static class ComponentErrors
{
    /// <summary>hetida's <c>ComponentInputValidationException</c>: error code plus the names of the invalid inputs.</summary>
    public static PyException InputValidation(string message, object errorCode, params string[] invalidInputs) =>
        new("ComponentInputValidationException", message)
        {
            ErrorCode = errorCode,
            ExtraInformation = new JsonObject { ["invalid_component_inputs"] = new JsonArray([.. invalidInputs.Select(i => (JsonNode?)i)]) },
        };

    /// <summary>
    /// Python's TypeError for <c>Model(**value)</c> with a non-mapping value. The class is named with the module hetida
    /// loads the component into, whose name ends in the SHA-256 of the component's code (v0.9.8).
    /// </summary>
    public static PyException NotAMapping(string codeSha256, string model, JsonNode? value) =>
        PyException.TypeError(
            $"hetdesrun_loaded_components.by_code__hash_{codeSha256}.{model}() argument after ** must be a mapping, not {JsonTypeName(value)}");

    /// <summary>The Python type name of a JSON value after <c>json.loads</c>.</summary>
    public static string JsonTypeName(JsonNode? value) => value?.GetValueKind() switch
    {
        null or System.Text.Json.JsonValueKind.Null => "NoneType",
        System.Text.Json.JsonValueKind.Object => "dict",
        System.Text.Json.JsonValueKind.Array => "list",
        System.Text.Json.JsonValueKind.String => "str",
        System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => "bool",
        _ => value.ToJsonString().IndexOfAny(['.', 'e', 'E']) < 0 ? "int" : "float",
    };

    /// <summary>The pandas dtype name of a column, as error messages print it.</summary>
    public static string DtypeName(Column column) => column switch
    {
        DateTimeColumn d => d.IsUtc ? "datetime64[ns, UTC]" : "datetime64[ns]",
        _ => column.Kind switch
        {
            ColumnKind.Float64 => "float64",
            ColumnKind.Int64 => "int64",
            ColumnKind.Bool => "bool",
            _ => "object",
        },
    };
}
