using System.Text.Json.Nodes;
using Runwire.Core.Components.Visualization.Frames;
using Runwire.Core.Components.Visualization.Plotly;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Visualization;

/// <summary>"Timeseries and Alerts Plot" (spec §5.3): the series as a line plus a red rectangle per alert interval.</summary>
public sealed class TimeseriesAndAlertsPlot : IComponent
{
    public Guid Id { get; } = new("95c006e4-5050-7722-6717-d1c6be2ba890");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var series = inputs.Series("series");
        var alerts = inputs.Series("alert_series");
        var sorted = series.SortIndex();
        var figure = new PlotlyFigure().AddTrace(PlotlyJson.Scatter(sorted.Index, sorted.Values, ("mode", "lines")));

        var max = ColumnStats.Max(series.Values);
        var min = ColumnStats.Min(series.Values);
        foreach (var (start, end) in AlertIntervals.Find(series, alerts))
        {
            figure.AddShape(PlotlyJson.Object(
                ("type", "rect"), ("x0", Stamp(start, alerts)), ("y0", PlotlyValues.Scalar(min)),
                ("x1", Stamp(end, alerts)), ("y1", PlotlyValues.Scalar(max)),
                ("line", new JsonObject { ["color"] = "rgb(251, 40, 0)", ["width"] = 1 }),
                ("fillcolor", "rgba(251, 40, 0, 0.4)")));
        }
        figure.TitledLayout("Time", series.Name ?? "Values", 200);
        figure.FinishLayout();
        return figure.AsOutput("alert_plot");
    }

    private static JsonNode? Stamp(long ticks, Series alerts) => ticks == DateTimeColumn.NaT
        ? null
        : PlotlyValues.Scalar(new DateTime(ticks, ((DateTimeColumn)alerts.Index).DateKind));
}
