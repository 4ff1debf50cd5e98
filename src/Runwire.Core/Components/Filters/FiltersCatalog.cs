namespace Runwire.Core.Components.Filters;

/// <summary>Components of hetida's category "Filters" that Runwire's data helpers implement.</summary>
public static class FiltersCatalog
{
    public static IReadOnlyList<IComponent> All { get; } =
    [
        new CorrectTimeIntervalsWithFixedValues(),
        new MovingWindowMadBandFilter(),
        new SelectTimeIntervals(),
    ];
}
