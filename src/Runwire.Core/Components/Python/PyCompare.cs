using System.Text.Json.Nodes;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Python;

/// <summary>Python's rich comparisons on scalars: exact int/float comparison, == across types is False, ordering across types raises.</summary>
internal static class PyCompare
{
    public static bool Compare(CompareOp op, object? a, object? b)
    {
        a = PyValue.Normalize(a);
        b = PyValue.Normalize(b);
        var order = Order(op, a, b);
        if (order is { } c)
        {
            return Holds(op, c);
        }
        // unordered: NaN with anything, or values that only support equality
        return op switch
        {
            CompareOp.Eq => Equal(a, b),
            CompareOp.Ne => !Equal(a, b),
            _ when IsNaNComparison(a, b) => false,
            _ => throw PyErrors.NotOrderable(op, a, b),
        };
    }

    public static bool Holds(CompareOp op, int c) => op switch
    {
        CompareOp.Eq => c == 0,
        CompareOp.Ne => c != 0,
        CompareOp.Lt => c < 0,
        CompareOp.Le => c <= 0,
        CompareOp.Gt => c > 0,
        _ => c >= 0,
    };

    /// <summary>-1/0/1 when the pair is ordered, null when Python only offers equality (or NaN makes it unordered).</summary>
    private static int? Order(CompareOp op, object? a, object? b) => (a, b) switch
    {
        (long x, long y) => x.CompareTo(y),
        (bool or long, bool or long) => PyValue.ToLong(a).CompareTo(PyValue.ToLong(b)),
        (double x, double y) => double.IsNaN(x) || double.IsNaN(y) ? null : x.CompareTo(y),
        (double x, _) when PyValue.IsNumber(b) => Negate(CompareIntFloat(PyValue.ToLong(b), x)),
        (_, double y) when PyValue.IsNumber(a) => CompareIntFloat(PyValue.ToLong(a), y),
        (string x, string y) => Math.Sign(string.CompareOrdinal(x, y)),
        (DateTime x, DateTime y) when x.Kind == y.Kind => x.Ticks.CompareTo(y.Ticks),
        (DateTime, DateTime) when op is not (CompareOp.Eq or CompareOp.Ne) =>
            throw PyException.TypeError("Cannot compare tz-naive and tz-aware timestamps"),
        (JsonArray x, JsonArray y) => CompareLists(op, x, y),
        _ => null,
    };

    private static int? Negate(int? c) => -c;

    /// <summary>Exact comparison of an int with a float (no rounding of the int), null for NaN.</summary>
    private static int? CompareIntFloat(long l, double d)
    {
        if (double.IsNaN(d))
        {
            return null;
        }
        if (d >= 9223372036854775808.0)
        {
            return -1;
        }
        if (d < -9223372036854775808.0)
        {
            return 1;
        }
        var floor = Math.Floor(d);
        var f = (long)floor;
        return l < f ? -1 : l > f ? 1 : d == floor ? 0 : -1;
    }

    // Python compares sequences element by element up to the first unequal pair, then by length.
    private static int? CompareLists(CompareOp op, JsonArray x, JsonArray y)
    {
        for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
        {
            var (xi, yi) = (PyValue.FromJson(x[i]), PyValue.FromJson(y[i]));
            if (!Equal(xi, yi))
            {
                if (op is CompareOp.Eq or CompareOp.Ne)
                {
                    return 1;
                }
                return Compare(CompareOp.Lt, xi, yi) ? -1 : Compare(CompareOp.Gt, xi, yi) ? 1 : null;
            }
        }
        return x.Count.CompareTo(y.Count);
    }

    private static bool Equal(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (JsonObject x, JsonObject y) => x.Count == y.Count && x.All(p => y.TryGetPropertyValue(p.Key, out var v)
            && Equal(PyValue.FromJson(p.Value), PyValue.FromJson(v))),
        (JsonArray x, JsonArray y) => CompareLists(CompareOp.Eq, x, y) == 0,
        _ => Order(CompareOp.Eq, a, b) == 0,
    };

    private static bool IsNaNComparison(object? a, object? b) =>
        (a is double x && double.IsNaN(x) && PyValue.IsNumber(b)) || (b is double y && double.IsNaN(y) && PyValue.IsNumber(a));
}
