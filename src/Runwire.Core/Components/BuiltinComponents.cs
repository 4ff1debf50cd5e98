namespace Runwire.Core.Components;

/// <summary>Every component Runwire ships, one catalog per hetida category (each catalog lists its classes explicitly).</summary>
public static class BuiltinComponents
{
    public static IEnumerable<IComponent> All() =>
    [
        .. Connectors.ConnectorsCatalog.All,
        .. Visualization.VisualizationCatalog.All,
    ];
}
