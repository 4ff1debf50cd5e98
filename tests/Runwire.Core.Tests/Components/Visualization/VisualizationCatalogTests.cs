using System.Text.Json.Nodes;
using Runwire.Core.Components;
using Runwire.Core.Components.Visualization;

namespace Runwire.Core.Tests.Components.Visualization;

public sealed class VisualizationCatalogTests
{
    private static readonly string[] PyOnlyIds = ["a11c5089-de92-4197-8e40-1ce827e094b8", "9b4ca94e-0e20-4341-bb23-abe73d33c7ab"];

    [Fact]
    public void All_EveryExpectationCase_HasItsComponentInTheCatalog()
    {
        var caseIds = Directory.GetFiles(Path.Combine(Folder(), "Expected"), "*.json")
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!["component_id"]!.GetValue<string>())
            .ToHashSet();

        Assert.Equal(caseIds.Order(), VisualizationCatalog.All.Select(c => c.Id.ToString()).Order());
    }

    [Fact]
    public void All_NineteenComponents_IncludingThePyOnlyOnes()
    {
        Assert.Equal(19, VisualizationCatalog.All.Count);
        Assert.All(PyOnlyIds, id => Assert.Contains(VisualizationCatalog.All, c => c.Id == new Guid(id)));
    }

    [Fact]
    public void Builtin_Registry_FindsEveryVisualizationComponent() =>
        Assert.All(VisualizationCatalog.All, c => Assert.Same(c.GetType(), ComponentRegistry.Builtin.Find(c.Id)?.GetType()));

    private static string Folder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
