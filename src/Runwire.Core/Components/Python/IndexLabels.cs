using Runwire.Core.Data;

namespace Runwire.Core.Components.Python;

/// <summary>
/// Index labels as hashable, orderable keys with pandas' equality (1 == 1.0, NaN == NaN for labels, timestamps
/// equal only with the same time zone) and safe_sort's order (numbers before strings; timestamps sort only among themselves).
/// </summary>
internal static class IndexLabels
{
    private static readonly object Missing = new();

    private readonly record struct Stamp(long Ticks, bool Utc);

    public static object[] Keys(Column index)
    {
        var keys = new object[index.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = Key(index.GetValue(i));
        }
        return keys;
    }

    public static object Key(object? label) => PyValue.Normalize(label) switch
    {
        null => Missing,
        double d when double.IsNaN(d) => Missing,
        double d => d,
        long l => (double)l,
        bool b => b ? 1.0 : 0.0,
        DateTime t => new Stamp(t.Ticks, t.Kind == DateTimeKind.Utc),
        var other => other,
    };

    /// <summary>Whether safe_sort can order these keys (missing keys always go last).</summary>
    public static bool Sortable(IEnumerable<object> keys)
    {
        var families = keys.Where(k => k != Missing).Select(Family).Distinct().ToList();
        return families.All(f => f is 0 or 1) || (families.Count == 1 && families[0] == 2);
    }

    /// <summary>pandas' <c>is_monotonic_increasing</c>: non-decreasing, no missing labels, and mutually comparable.</summary>
    public static bool Increasing(object[] keys)
    {
        if (!OneFamily(keys) || keys.Any(k => k == Missing))
        {
            return false;
        }
        for (var i = 1; i < keys.Length; i++)
        {
            if (Compare(keys[i - 1], keys[i]) > 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Whether all keys can be compared with each other (all numbers, all strings or all timestamps).</summary>
    public static bool OneFamily(IEnumerable<object> keys) => keys.Where(k => k != Missing).Select(Family).Distinct().Count() <= 1;

    public static int Compare(object a, object b)
    {
        var (fa, fb) = (Family(a), Family(b));
        if (fa != fb)
        {
            return fa.CompareTo(fb);
        }
        return (a, b) switch
        {
            (double x, double y) => x.CompareTo(y),
            (string x, string y) => string.CompareOrdinal(x, y),
            (Stamp x, Stamp y) => x.Ticks.CompareTo(y.Ticks),
            _ => 0,
        };
    }

    private static int Family(object key) => key switch
    {
        double => 0,
        string => 1,
        Stamp => 2,
        _ when key == Missing => 4,
        _ => 3,
    };
}
