using Runwire.Core.Data;
using Runwire.Core.Data.TimeOps;

namespace Runwire.Core.Components.Connectors;

/// <summary>
/// "Convert MultiTSFrame to DataFrame": one column per metric (in order of first appearance) over the union of the
/// metrics' timestamps; a timestamp a metric lacks is NaN.
/// </summary>
public sealed class ConvertMultiTsFrameToDataFrame : IComponent
{
    public Guid Id { get; } = new("ed88477a-72f5-475b-b3e6-9b0e030609b6");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var frame = inputs.Frame("multitsframe");
        var metric = frame["metric"].Values;
        var timestamps = frame["timestamp"].Values;
        var values = frame["value"].Values;
        var rowsByMetric = new Dictionary<object, List<int>>(LabelComparer.Instance);
        var order = new List<object?>();
        for (var row = 0; row < frame.RowCount; row++)
        {
            var key = metric.IsMissing(row) ? LabelComparer.Missing : metric.GetValue(row)!;
            if (!rowsByMetric.TryGetValue(key, out var rows))
            {
                rowsByMetric[key] = rows = [];
                order.Add(metric.GetValue(row));
            }
            rows.Add(row);
        }
        var series = order.Select(m =>
        {
            var rows = rowsByMetric[m ?? LabelComparer.Missing].ToArray();
            // hetida rebuilds each metric from value.tolist(), so the dtype is inferred anew
            return (Name: Convert.ToString(m, System.Globalization.CultureInfo.InvariantCulture) ?? "None",
                Index: timestamps.Take(rows), Values: Column.FromValues([.. rows.Select(values.GetValue)]));
        }).ToList();
        if (series.Count == 0)
        {
            return new Dictionary<string, object?> { ["dataframe"] = new DataFrame(new ObjectColumn([]), [], []) };
        }
        var index = series.Skip(1).Aggregate(series[0].Index, (union, s) => IndexUnion.Union(union, s.Index));
        var columns = series.Select(s => IndexAlignment.SameLabels(s.Index, index)
            ? s.Values
            : IndexAlignment.TakeOrNaN(s.Values, IndexAlignment.Reindex(s.Index, index))).ToList();
        return new Dictionary<string, object?> { ["dataframe"] = new DataFrame(index, [.. series.Select(s => s.Name)], columns) };
    }
}
