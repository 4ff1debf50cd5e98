namespace Runwire.Core.Components.DataQuality;

/// <summary>Components of hetida's category "Data Quality" (shipped by hetida as .py files only).</summary>
public static class DataQualityCatalog
{
    public static IReadOnlyList<IComponent> All { get; } =
    [
        new FixedReplacementValue(),
        new InterpolateTimeseries(),
        new ValueRangeCheck(),
    ];
}
