namespace Runwire.Core.Components.AnomalyDetection;

/// <summary>Components of hetida's category "Anomaly Detection".</summary>
public static class AnomalyDetectionCatalog
{
    public static IReadOnlyList<IComponent> All { get; } =
    [
        new AlertsFromScore(),
        new SimpleVolatilityScore(),
        new UnsupportedComponent(
            new Guid("cdec1d55-5bb6-8e8d-4571-fbc0ebf5a354"),
            "Isolation Forest",
            "needs a scikit-learn model"),
    ];
}
