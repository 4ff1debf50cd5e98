using System.Text.Json.Nodes;
using Runwire.Core.Components;
using Runwire.Core.Data;

namespace Runwire.Core.Tests.Components.Python;

/// <summary>Replays the cases generated from hetida's own code (tools/comp-math/generate.py) against the C# components.</summary>
internal static class HetidaCases
{
    public static TheoryData<string> Names(string json) => [.. Parse(json).Select(c => c["name"]!.GetValue<string>())];

    public static void Check(string json, string name, IEnumerable<IComponent> catalog)
    {
        var c = Parse(json).Single(c => c["name"]!.GetValue<string>() == name);
        var component = catalog.Single(x => x.Id == Guid.Parse(c["id"]!.GetValue<string>()));
        var inputs = new ComponentInputs(c["inputs"]!.AsObject().ToDictionary(p => p.Key, p => TestValues.Decode(p.Value)));
        if (c["deviation"] is { } deviation)
        {
            // Python returned a big int or a complex number, which the value model cannot hold: Runwire raises instead.
            Assert.Equal(deviation.GetValue<string>(), Assert.ThrowsAny<PyException>(() => component.Run(inputs)).TypeName);
            return;
        }
        if (c["error"] is { } error)
        {
            var e = Assert.ThrowsAny<PyException>(() => component.Run(inputs));
            Assert.Equal((error["type"]!.GetValue<string>(), error["message"]!.GetValue<string>()), (e.TypeName, e.Message));
            return;
        }
        var outputs = component.Run(inputs);
        var expected = c["outputs"]!.AsObject();
        Assert.Equal(expected.Select(p => p.Key).Order(), outputs.Keys.Order());
        foreach (var (key, value) in expected)
        {
            ValueAssert.Equal(TestValues.Decode(value), outputs[key], key, c["ulps"]?.GetValue<int>() ?? 0);
        }
    }

    private static List<JsonNode> Parse(string json) => [.. JsonNode.Parse(json)!.AsArray().Select(n => n!)];
}
