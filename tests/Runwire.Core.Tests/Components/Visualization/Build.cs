using System.Globalization;
using Runwire.Core.Data;

namespace Runwire.Core.Tests.Components.Visualization;

/// <summary>Hand-built component inputs, the C# twins of tools/viz-expectations/cases.py.</summary>
internal static class Build
{
    public const double NaN = double.NaN;

    public static DateTimeColumn Utc(params string[] stamps) => new([.. stamps.Select(Ticks)], isUtc: true);

    public static Series Series(string[] stamps, double[] values, string? name = null) =>
        new(Utc(stamps), new Float64Column(values), name);

    public static Series Ints(string[] stamps, long[] values, string? name = null) =>
        new(Utc(stamps), new Int64Column(values), name);

    /// <summary>A float series over a RangeIndex.</summary>
    public static Series Plain(double[] values, string? name = null) => Core.Data.Series.FromValues(new Float64Column(values), name);

    public static Dictionary<string, object?> Args(params (string Name, object? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Name, p => p.Value);

    private static long Ticks(string stamp) =>
        DateTime.Parse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal).Ticks;
}
