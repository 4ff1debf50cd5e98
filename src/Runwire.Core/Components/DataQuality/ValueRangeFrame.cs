using Runwire.Core.Data;

namespace Runwire.Core.Components.DataQuality;

/// <summary>Builds the "is_included_frame" with hetida's column order (range columns first, then the _IS_ columns).</summary>
internal static class ValueRangeFrame
{
    public static DataFrame Build(Series series, List<(string Name, ValueRange Range)> ranges)
    {
        var n = series.Length;
        var values = series.Values.ToDoubles();
        var names = new List<string>();
        var columns = new List<Column>();
        var included = ranges.Select(_ => new bool[n]).ToList();
        foreach (var (name, _) in ranges)
        {
            names.Add(name);
            columns.Add(new BoolColumn(new bool[n]));
        }
        names.Add("_violates_all");
        columns.Add(new BoolColumn([.. Enumerable.Repeat(true, n)]));
        names.Add("_violates_any");
        columns.Add(new BoolColumn(new bool[n]));
        for (var r = 0; r < ranges.Count; r++)
        {
            var range = ranges[r].Range;
            var below = values.Select(range.IsBelow).ToArray();
            var above = values.Select(range.IsAbove).ToArray();
            names.Add(ranges[r].Name + "_IS_BELOW");
            columns.Add(new BoolColumn(below));
            names.Add(ranges[r].Name + "_IS_ABOVE");
            columns.Add(new BoolColumn(above));
            for (var i = 0; i < n; i++)
            {
                included[r][i] = !below[i] && !above[i];
            }
            columns[r] = new BoolColumn(included[r]);
        }
        var violatesAll = Enumerable.Range(0, n).Select(i => included.All(c => !c[i])).ToArray();
        var violatesAny = Enumerable.Range(0, n).Select(i => included.Any(c => !c[i])).ToArray();
        columns[ranges.Count] = new BoolColumn(violatesAll);
        columns[ranges.Count + 1] = new BoolColumn(violatesAny);
        names.Add("_timestamp");
        columns.Add(series.Index);
        return new DataFrame(series.Index, names, columns);
    }
}
