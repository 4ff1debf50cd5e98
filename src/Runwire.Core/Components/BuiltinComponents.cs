namespace Runwire.Core.Components;

/// <summary>Every component Runwire ships, one catalog per hetida category (each catalog lists its classes explicitly).</summary>
public static class BuiltinComponents
{
    public static IEnumerable<IComponent> All() =>
    [
        .. AnomalyDetection.AnomalyDetectionCatalog.All,
        .. Arithmetic.ArithmeticCatalog.All,
        .. Basic.BasicCatalog.All,
        .. BasicArithmetic.BasicArithmeticCatalog.All,
        .. Connectors.ConnectorsCatalog.All,
        .. DataQuality.DataQualityCatalog.All,
        .. Examples.ExamplesCatalog.All,
        .. Filters.FiltersCatalog.All,
        .. RemainingUsefulLife.RemainingUsefulLifeCatalog.All,
        .. Statistic.StatisticCatalog.All,
        .. Trigonometric.TrigonometricCatalog.All,
        .. Visualization.VisualizationCatalog.All,
    ];
}
