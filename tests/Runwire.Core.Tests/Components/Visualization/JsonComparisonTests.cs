using System.Text.Json.Nodes;

namespace Runwire.Core.Tests.Components.Visualization;

/// <summary>The figure comparison itself must catch differences, or every figure test would pass vacuously.</summary>
public sealed class JsonComparisonTests
{
    [Theory]
    [InlineData("""{"a": [1.0, null]}""", """{"a": [1.0, 2.0]}""")]
    [InlineData("""{"a": 1.0}""", """{"a": 1.0001}""")]
    [InlineData("""{"a": "x"}""", """{"a": "y"}""")]
    [InlineData("""{"a": 1}""", """{"a": 1, "b": 2}""")]
    [InlineData("""{"a": [1]}""", """{"a": [1, 1]}""")]
    [InlineData("""{"a": true}""", """{"a": "true"}""")]
    public void AssertEquivalent_DifferentDocuments_Fails(string expected, string actual) =>
        Assert.ThrowsAny<Exception>(() => JsonComparison.AssertEquivalent(JsonNode.Parse(expected), JsonNode.Parse(actual), "$", []));

    [Fact]
    public void AssertEquivalent_ReorderedKeysAndIntForFloat_Passes() =>
        JsonComparison.AssertEquivalent(JsonNode.Parse("""{"a": 1.0, "b": {"c": [2, null]}}"""),
            JsonNode.Parse("""{"b": {"c": [2.0, null]}, "a": 1}"""), "$", []);

    [Fact]
    public void AssertEquivalent_IgnoredTemplate_Passes() =>
        JsonComparison.AssertEquivalent(JsonNode.Parse("""{"layout": {"template": {"x": 1}, "height": 2}}"""),
            JsonNode.Parse("""{"layout": {"height": 2}}"""), "$", ["$.layout.template"]);
}
