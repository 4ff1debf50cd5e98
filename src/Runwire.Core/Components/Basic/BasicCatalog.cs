namespace Runwire.Core.Components.Basic;

/// <summary>Components of hetida's category "Basic" (including the .py-only "Series Difference Quotients").</summary>
public static class BasicCatalog
{
    public static IReadOnlyList<IComponent> All { get; } =
    [
        new Equality(),
        new Filter(),
        new FirstDatetimeIndex(),
        new Greater(),
        new GreaterOrEqual(),
        new Inequality(),
        new LastDatetimeIndex(),
        new RestrictToTimeInterval(),
        new SelectColumnFromDataFrame(),
        new SeriesDifferenceQuotients(),
        new Smaller(),
        new SmallerOrEqual(),
    ];
}
