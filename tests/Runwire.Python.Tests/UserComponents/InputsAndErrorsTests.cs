using System.Text.Json.Nodes;
using Runwire.Core.Tests.Support;
using Runwire.Python.Tests.Support;

namespace Runwire.Python.Tests.UserComponents;

/// <summary>
/// Optional inputs with defaults, and the errors a user's component raises on purpose, answered as hetida answers them
/// (confirmed with hetida's own backend, tools/runtime-components/hetida_runtime.py).
/// </summary>
public sealed class InputsAndErrorsTests(Support.Python python)
{
    private static readonly JsonObject Scale = PythonComponent.Create("Scale",
        [("x", "FLOAT", null), ("factor", "FLOAT", JsonValue.Create(2.0)), ("label", "STRING", JsonValue.Create("scaled")),
         ("options", "ANY", JsonNode.Parse("""{"digits": 1}"""))],
        [("y", "FLOAT"), ("label", "STRING")],
        """return {"y": round(x * factor, options["digits"]), "label": f"{label} by {factor!r}"}""");

    private static readonly JsonObject CheckedRange = PythonComponent.Create("Checked Range", [("lower", "FLOAT", null), ("upper", "FLOAT", null)], [("width", "FLOAT")],
        """
        if lower >= upper:
            raise ComponentInputValidationException(
                f"lower ({lower}) must be below upper ({upper})",
                invalid_component_inputs=["lower", "upper"],
                error_code="RANGE_EMPTY",
            )
        return {"width": upper - lower}
        """, imports: "from hdutils import ComponentInputValidationException");

    private static readonly JsonObject Lookup = PythonComponent.Create("Lookup", [("key", "STRING", null)], [("value", "INT")],
        """
        table = {"a": 1}
        if key not in table:
            raise ComponentException(f"no entry for {key}", error_code=404, extra_information={"known": sorted(table)})
        return {"value": table[key]}
        """, imports: "from hdutils import ComponentException");

    [Fact]
    public async Task OptionalInputs_OnlyRequiredWired_DefaultsApply()
    {
        var outputs = Jobs.Outputs(await RunAsync(Scale, ("x", "1.26")));

        JsonAssert.Equivalent(JsonNode.Parse("""{"y": 2.5, "label": "scaled by 2.0"}"""), outputs, 0);
    }

    [Fact]
    public async Task OptionalInputs_AllWired_WiredValuesReplaceDefaults()
    {
        var outputs = Jobs.Outputs(await RunAsync(Scale, ("x", "1.26"), ("factor", "10"), ("label", "tenfold"), ("options", """{"digits": 0}""")));

        JsonAssert.Equivalent(JsonNode.Parse("""{"y": 13.0, "label": "tenfold by 10.0"}"""), outputs, 0);
    }

    [Fact]
    public async Task ComponentInputValidationException_InvalidInputs_FailsWithInvalidInputsAndErrorCode()
    {
        var result = await RunAsync(CheckedRange, ("lower", "5"), ("upper", "1"));

        var error = Jobs.Error(result);
        JsonAssert.Equivalent(JsonNode.Parse("""
            {"type": "ComponentInputValidationException", "error_code": "RANGE_EMPTY", "message": "lower (5.0) must be below upper (1.0)",
             "extra_information": {"invalid_component_inputs": ["lower", "upper"]}, "process_stage": "EXECUTING_COMPONENT_CODE"}
            """), Without(error, "operator_info", "location"), 0);
        AssertRaisedInMain(error, CheckedRange, "raise ComponentInputValidationException(");
        Assert.Contains("ComponentInputValidationException: lower (5.0) must be below upper (1.0)", result["traceback"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComponentInputValidationException_ValidInputs_Answers()
    {
        var outputs = Jobs.Outputs(await RunAsync(CheckedRange, ("lower", "1"), ("upper", "5.5")));

        Assert.Equal(4.5, outputs["width"]!.GetValue<double>());
    }

    [Fact]
    public async Task ComponentException_WithCodeAndExtraInformation_FailsWithBoth()
    {
        var error = Jobs.Error(await RunAsync(Lookup, ("key", "b")));

        JsonAssert.Equivalent(JsonNode.Parse("""
            {"type": "ComponentException", "error_code": 404, "message": "no entry for b", "extra_information": {"known": ["a"]},
             "process_stage": "EXECUTING_COMPONENT_CODE"}
            """), Without(error, "operator_info", "location"), 0);
        AssertRaisedInMain(error, Lookup, "raise ComponentException(");
    }

    // hetida names the component as the operator of its wrapper workflow and the line of main that raised.
    private static void AssertRaisedInMain(JsonObject error, JsonObject component, string raisingLine)
    {
        var info = error["operator_info"]!;
        Assert.Equal(component["name"]!.GetValue<string>(), info["transformation_info"]!["name"]!.GetValue<string>());
        Assert.Equal(["COMPONENT EXECUTION WRAPPER WORKFLOW", component["name"]!.GetValue<string>()],
            info["hierarchy_in_workflow"]!["by_name"]!.AsArray().Select(n => n!.GetValue<string>()));
        var lines = component["content"]!.GetValue<string>().Split('\n');
        var line = Array.FindIndex(lines, l => l.TrimStart().StartsWith(raisingLine, StringComparison.Ordinal)) + 1;
        JsonAssert.Equivalent(JsonNode.Parse($$"""{"file": "COMPONENT CODE", "function_name": "main", "line_number": {{line}}}"""), error["location"], 0);
    }

    private static JsonObject Without(JsonObject error, params string[] keys)
    {
        var copy = error.DeepClone().AsObject();
        foreach (var key in keys)
        {
            copy.Remove(key);
        }
        return copy;
    }

    private Task<JsonObject> RunAsync(JsonObject component, params (string Input, string Value)[] inputs) =>
        Jobs.AnswerAsync(python.Engine(Jobs.Store(component)), PythonComponent.Id(component), inputs);
}
