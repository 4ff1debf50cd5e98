namespace Runwire.Core.Data.TimeOps;

/// <summary>Index label equality as pandas' hash tables see it: 1 == 1.0 == True, strings ordinal, timestamps by instant and tz-awareness.</summary>
internal sealed class LabelComparer : IEqualityComparer<object>
{
    /// <summary>The key that stands for every missing label (NaN, None, NaT).</summary>
    public static readonly object Missing = new();

    public static LabelComparer Instance { get; } = new();

    public new bool Equals(object? x, object? y) => object.Equals(Normalize(x), Normalize(y));

    public int GetHashCode(object obj) => Normalize(obj)?.GetHashCode() ?? 0;

    private static object? Normalize(object? value) => value switch
    {
        double d when double.IsNaN(d) => Missing,
        double d => d,
        long l => (double)l,
        int i => (double)i,
        bool b => b ? 1.0 : 0.0,
        DateTime t => (t.Ticks, t.Kind == DateTimeKind.Utc),
        _ => value,
    };
}
