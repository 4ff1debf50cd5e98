using Runwire.Core.Components.Visualization.Plotly;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Visualization;

/// <summary>
/// "Timeseries DataFrame Plot": one line per column of the index-sorted frame, or, for a frame whose columns are
/// exactly timestamp/metric/value (MULTITSFRAME), one line per <em>row</em> showing that row's metric. hetida loops
/// over every row's metric, so a metric appears once per row; it also takes the timestamps via <c>.values</c>, which
/// drops the time zone (the x values have no offset).
/// </summary>
public sealed class TimeseriesDataFramePlot : IComponent
{
    public Guid Id { get; } = new("16d6e587-25ea-d0df-f514-da9fef66ad80");

    private static readonly string[] MultiTsColumns = ["metric", "timestamp", "value"];

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var frame = inputs.Frame("dataframe");
        var figure = new PlotlyFigure();
        if (frame.ColumnNames.Distinct().Order(StringComparer.Ordinal).SequenceEqual(MultiTsColumns))
        {
            AddMetricLines(figure, frame);
        }
        else
        {
            var sorted = frame.SortIndex();
            for (var i = 0; i < sorted.Columns.Count; i++)
            {
                figure.AddTrace(PlotlyJson.Scatter(sorted.Index, sorted.Columns[i], ("mode", "lines"), ("name", sorted.ColumnNames[i])));
            }
        }
        figure.TitledLayout("Time", "Values", 200);
        figure.FinishLayout();
        return figure.AsOutput("plot");
    }

    private static void AddMetricLines(PlotlyFigure figure, DataFrame frame)
    {
        var metric = frame["metric"].Values;
        var timestamps = Naive(frame["timestamp"].Values);
        var values = frame["value"].Values;
        for (var row = 0; row < metric.Length; row++)
        {
            var current = metric.GetValue(row);
            // pandas equality: a missing metric equals nothing, not even itself
            int[] rows = [.. Enumerable.Range(0, metric.Length).Where(r => !metric.IsMissing(r) && Equals(metric.GetValue(r), current))];
            var line = new Series(timestamps.Take(rows), values.Take(rows)).SortIndex();
            figure.AddTrace(PlotlyJson.Scatter(line.Index, line.Values, ("mode", "lines"), ("name", PlotlyValues.Scalar(current))));
        }
    }

    private static Column Naive(Column timestamps) =>
        timestamps is DateTimeColumn dates ? new DateTimeColumn(dates.Ticks, isUtc: false) : timestamps;
}
