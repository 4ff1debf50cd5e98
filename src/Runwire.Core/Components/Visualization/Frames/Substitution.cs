using Runwire.Core.Data;

namespace Runwire.Core.Components.Visualization.Frames;

/// <summary>
/// hetida's <c>handle_substitutions</c> on index-sorted series without duplicate labels (first kept): a substitution
/// value at a raw label replaces the raw value, a missing one removes ("ignores") it, one at a new label adds a point.
/// </summary>
internal static class Substitution
{
    public sealed record Points(IReadOnlyList<object?> Labels, IReadOnlyList<object?> Values);

    public sealed record Result(Points Handled, Points Replaced, Points Ignored, Points Added);

    public static Result Apply(Series raw, Series substitutions)
    {
        var original = FirstPerLabel(raw);
        var changes = FirstPerLabel(substitutions);
        var changeByLabel = changes.ToDictionary(c => Key(c.Label), c => c);
        var originalLabels = original.Select(o => Key(o.Label)).ToHashSet();

        var ignored = original.Where(o => changeByLabel.TryGetValue(Key(o.Label), out var c) && c.Missing).ToList();
        var replaced = original.Where(o => changeByLabel.TryGetValue(Key(o.Label), out var c) && !c.Missing).ToList();
        var added = changes.Where(c => !originalLabels.Contains(Key(c.Label))).ToList();
        var handled = original
            .Where(o => !ignored.Contains(o))
            .Select(o => changeByLabel.TryGetValue(Key(o.Label), out var c) ? o with { Value = c.Value } : o)
            .Concat(added)
            .OrderBy(p => p.Label, Comparer<object?>.Create(Ordering.CompareValues))
            .ToList();
        return new Result(ToPoints(handled), ToPoints(replaced), ToPoints(ignored), ToPoints(added));
    }

    private sealed record Point(object? Label, object? Value, bool Missing);

    private static List<Point> FirstPerLabel(Series series)
    {
        var sorted = series.SortIndex();
        var seen = new HashSet<object>();
        var points = new List<Point>();
        for (var i = 0; i < sorted.Length; i++)
        {
            var label = sorted.Index.GetValue(i);
            if (seen.Add(Key(label)))
            {
                points.Add(new Point(label, sorted.Values.GetValue(i), sorted.Values.IsMissing(i)));
            }
        }
        return points;
    }

    // a missing label (NaT/None) still needs a dictionary key
    private static object Key(object? label) => label ?? DBNull.Value;

    private static Points ToPoints(List<Point> points) => new([.. points.Select(p => p.Label)], [.. points.Select(p => p.Value)]);
}
