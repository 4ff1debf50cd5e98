namespace Runwire.Core.Components.Statistic;

/// <summary>Components of hetida's category "Statistic" that Runwire's data helpers implement.</summary>
public static class StatisticCatalog
{
    public static IReadOnlyList<IComponent> All { get; } =
    [
        new InferWindowSize(),
        new MovingTimeWindow(new Guid("e4682ac2-9a53-4fac-a4ea-e766666ee27e"), "window_means", median: false),
        new MovingTimeWindow(new Guid("dc30af71-2872-4fe0-8a09-20d9300871ba"), "window_medians", median: true),
    ];
}
