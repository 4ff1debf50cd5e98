using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Runwire.Core.Components;
using Runwire.Core.Data;

namespace Runwire.Core.Tests.Components.Visualization;

/// <summary>
/// The expectations in Expected/, written by tools/viz-expectations/generate.py from hetida's own component code under
/// the reference Python (plotly 5.4). Compared: every key and value of the figure JSON (numbers to 1e-9 relative),
/// except <c>layout.template</c>, the "plotly" theme plotly express embeds and Runwire deliberately leaves out.
/// Not compared: key order (JSON objects are unordered) and int-versus-float spelling of equal numbers.
/// </summary>
internal static class ExpectedOutputs
{
    private static readonly string[] NotCompared = ["$.layout.template"];

    public static JsonObject Load(string caseName) =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(Folder(), "Expected", caseName + ".json")))!;

    /// <summary>Runs the component and checks every output against the case's expectation.</summary>
    public static void AssertOutputs(IComponent component, string caseName, IReadOnlyDictionary<string, object?> inputs)
    {
        var expected = Load(caseName);
        Assert.Equal(expected["component_id"]!.GetValue<string>(), component.Id.ToString());
        var outputs = component.Run(new ComponentInputs(inputs));
        var expectedOutputs = expected["outputs"]!.AsObject();
        Assert.Equal(expectedOutputs.Select(p => p.Key).Order(), outputs.Keys.Order());
        foreach (var (name, value) in expectedOutputs)
        {
            var actual = outputs[name] switch
            {
                JsonObject figure => figure,
                Series series => SeriesJson(series),
                var other => throw new InvalidOperationException($"unexpected output type {other?.GetType()}"),
            };
            JsonComparison.AssertEquivalent(value, actual, "$", NotCompared);
        }
    }

    /// <summary>Runs the component and checks it raises hetida's exception (type, message, error code, extra information).</summary>
    public static void AssertError(IComponent component, string caseName, IReadOnlyDictionary<string, object?> inputs)
    {
        var expected = Load(caseName)["error"]!.AsObject();
        var error = Assert.ThrowsAny<PyException>(() => component.Run(new ComponentInputs(inputs)));
        Assert.Equal(expected["type"]!.GetValue<string>(), error.TypeName);
        Assert.Equal(expected["message"]!.GetValue<string>(), error.Message);
        if (expected["error_code"] is { } code)
        {
            Assert.Equal(code.GetValue<long>(), Convert.ToInt64(error.ErrorCode));
            JsonComparison.AssertEquivalent(expected["extra_information"], error.ExtraInformation, "$.extra_information", []);
        }
    }

    private static JsonObject SeriesJson(Series series) => new()
    {
        ["name"] = series.Name,
        ["index"] = new JsonArray([.. Enumerable.Range(0, series.Length).Select(i => Node(series.Index.GetValue(i)))]),
        ["values"] = new JsonArray([.. Enumerable.Range(0, series.Length).Select(i => Node(series.Values.GetValue(i)))]),
    };

    private static JsonNode? Node(object? value) => value switch
    {
        double d when double.IsNaN(d) => null,
        double d => d,
        long l => l,
        _ => JsonValue.Create(value),
    };

    private static string Folder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
