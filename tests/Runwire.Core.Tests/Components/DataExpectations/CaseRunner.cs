using System.Text.Json.Nodes;
using Runwire.Core.Components;
using Runwire.Core.Data;

namespace Runwire.Core.Tests.Components.DataExpectations;

/// <summary>Runs one generated case against a component and checks outputs or the raised Python exception.</summary>
internal static class CaseRunner
{
    public const double DefaultTolerance = 1e-12;

    public static void Check(JsonObject testCase, IEnumerable<IComponent> catalog)
    {
        var id = Guid.Parse(testCase["component"]!.GetValue<string>());
        var component = catalog.Single(c => c.Id == id);
        var inputs = testCase["inputs"]!.AsObject().ToDictionary(p => p.Key, p => TestValues.Decode(p.Value));
        var tolerance = testCase["tolerance"]?.GetValue<double>() ?? DefaultTolerance;
        if (testCase["error"] is JsonObject error)
        {
            var ex = Assert.Throws<PyException>(() => component.Run(new ComponentInputs(inputs)));
            Assert.Equal(error["type"]!.GetValue<string>(), ex.TypeName);
            Assert.Equal(error["message"]!.GetValue<string>(), ex.Message);
            ValueAssert.JsonMatches(error["error_code"], ex.ErrorCode switch
            {
                null => null,
                string text => JsonValue.Create(text),
                var number => JsonValue.Create(Convert.ToInt64(number, System.Globalization.CultureInfo.InvariantCulture)),
            }, "error_code");
            ValueAssert.JsonMatches(error["extra_information"], ex.ExtraInformation, "extra_information");
            return;
        }
        var outputs = component.Run(new ComponentInputs(inputs));
        var expected = testCase["outputs"]!.AsObject();
        Assert.Equal(expected.Select(p => p.Key).Order(), outputs.Keys.Order());
        foreach (var (name, value) in expected)
        {
            ValueAssert.Matches(value, outputs[name], tolerance, name);
        }
    }
}
