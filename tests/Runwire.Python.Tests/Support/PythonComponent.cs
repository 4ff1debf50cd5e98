using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Runwire.Core.Tests.Support;

namespace Runwire.Python.Tests.Support;

/// <summary>
/// A user's own component as hetida's designer exports it: the code the designer generates around what the user types
/// (imports, the "DO NOT EDIT" block with <c>COMPONENT_INFO</c> and the <c>main</c> signature, then the body).
/// </summary>
internal static class PythonComponent
{
    /// <summary>An export whose code is exactly <paramref name="code"/> (for code styles the designer does not generate).</summary>
    public static JsonObject Export(string name, string code, (string Name, string Type, JsonNode? Default)[] inputs, (string Name, string Type)[] outputs)
    {
        var export = TrafoJson.Component(Guid.NewGuid(), name, inputs, outputs);
        export["content"] = code;
        return export;
    }

    /// <summary>An export with designer-generated code around <paramref name="body"/> (indented by four spaces, like main's body).</summary>
    public static JsonObject Create(string name, (string Name, string Type, JsonNode? Default)[] inputs, (string Name, string Type)[] outputs,
        string body, string imports = "", bool isAsync = false)
    {
        var export = TrafoJson.Component(Guid.NewGuid(), name, inputs, outputs);
        export["content"] = Code(export, inputs, outputs, body, imports, isAsync);
        return export;
    }

    public static Guid Id(JsonObject export) => Guid.Parse(export["id"]!.GetValue<string>());

    private static string Code(JsonObject export, (string Name, string Type, JsonNode? Default)[] inputs, (string Name, string Type)[] outputs,
        string body, string imports, bool isAsync)
    {
        var code = new StringBuilder();
        code.Append("# add your own imports here, e.g.\n# import pandas as pd\n# import numpy as np\n").Append(imports).Append("\n\n");
        code.Append("# ***** DO NOT EDIT LINES BELOW *****\n# These lines may be overwritten if component details or inputs/outputs change.\n");
        code.Append("COMPONENT_INFO = {\n    \"inputs\": {\n");
        foreach (var (input, type, value) in inputs)
        {
            code.Append(CultureInfo.InvariantCulture, $"        \"{input}\": {{\"data_type\": \"{type}\"");
            if (value is not null)
            {
                code.Append(", \"default_value\": ").Append(PyLiteral(value));
            }
            code.Append("},\n");
        }
        code.Append("    },\n    \"outputs\": {\n");
        foreach (var (output, type) in outputs)
        {
            code.Append(CultureInfo.InvariantCulture, $"        \"{output}\": {{\"data_type\": \"{type}\"}},\n");
        }
        code.Append(CultureInfo.InvariantCulture, $$"""
                },
                "name": "{{export["name"]}}",
                "category": "Test",
                "description": "A component written by a user",
                "version_tag": "1.0.0",
                "id": "{{export["id"]}}",
                "revision_group_id": "{{export["revision_group_id"]}}",
                "state": "RELEASED",
                "released_timestamp": "2024-01-01T00:00:00+00:00",
            }

            from hdutils import parse_default_value  # noqa: E402, F401


            """);
        var parameters = inputs.Where(i => i.Default is null).Select(i => i.Name)
            .Concat(inputs.Where(i => i.Default is not null).Select(i => $"{i.Name}=parse_default_value(COMPONENT_INFO, \"{i.Name}\")"));
        code.Append(isAsync ? "async def" : "def").Append(" main(").Append(inputs.Length == 0 ? "" : "*, " + string.Join(", ", parameters)).Append("):\n");
        code.Append("    # entrypoint function for this component\n    # ***** DO NOT EDIT LINES ABOVE *****\n    # write your function code here.\n");
        foreach (var line in body.Split('\n'))
        {
            code.Append(line.Length == 0 ? "" : "    " + line).Append('\n');
        }
        return code.ToString();
    }

    /// <summary>A JSON value as a Python literal (JSON strings and numbers are valid Python already).</summary>
    private static string PyLiteral(JsonNode? value) => value switch
    {
        null => "None",
        JsonObject o => "{" + string.Join(", ", o.Select(kv => $"{JsonValue.Create(kv.Key).ToJsonString()}: {PyLiteral(kv.Value)}")) + "}",
        JsonArray a => "[" + string.Join(", ", a.Select(PyLiteral)) + "]",
        _ when value.GetValueKind() == System.Text.Json.JsonValueKind.True => "True",
        _ when value.GetValueKind() == System.Text.Json.JsonValueKind.False => "False",
        _ => value.ToJsonString(),
    };
}
