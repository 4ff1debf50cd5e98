using System.Globalization;
using System.Text.Json.Nodes;
using Runwire.Core.Components.Visualization.Plotly;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Visualization;

/// <summary>
/// "Timeseries Interval Boxplots": <c>px.box</c> of the values grouped by a calendar label of each timestamp
/// (day "2020--01--31", ISO week "2020--53" with the calendar year, month "2020--01", or year "2020").
/// </summary>
public sealed class TimeseriesIntervalBoxplots : IComponent
{
    public Guid Id { get; } = new("56c937d5-37df-c70f-2113-808ef4a6d9ba");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var series = inputs.Series("series").SortIndex();
        var interval = inputs.String("interval");
        var (column, label) = interval.ToLowerInvariant() switch
        {
            "day" or "d" => ("year--month--day", (Func<DateTime, string>)(t => $"{t.Year}--{t.Month:00}--{t.Day:00}")),
            "week" or "w" => ("year--week", t => $"{t.Year}--{ISOWeek.GetWeekOfYear(t):00}"),
            "month" or "m" => ("year--month", t => $"{t.Year}--{t.Month:00}"),
            "year" or "y" => ("year", t => t.Year.ToString(CultureInfo.InvariantCulture)),
            _ => throw PyException.ValueError("Unknown interval string: " + interval),
        };
        var labels = new JsonArray();
        for (var i = 0; i < series.Length; i++)
        {
            labels.Add(series.Index.GetValue(i) switch
            {
                DateTime t => label(t),
                var other => throw new PyException("AttributeError", $"'{Ordering.PyTypeName(other)}' object has no attribute 'year'"),
            });
        }
        // an unnamed series becomes column 0 of to_frame(), which px labels "0"
        var valueLabel = series.Name ?? "0";
        var figure = PlotlyExpress.Cartesian(column, valueLabel);
        figure.AddTrace(PlotlyJson.Trace("box",
            ("alignmentgroup", "True"), ("hovertemplate", $"{column}=%{{x}}<br>{valueLabel}=%{{y}}<extra></extra>"),
            ("legendgroup", ""), ("marker", new JsonObject { ["color"] = PlotlyExpress.Colorway[0] }), ("name", ""),
            ("notched", false), ("offsetgroup", ""), ("orientation", "v"), ("showlegend", false), ("x", labels),
            ("x0", " "), ("xaxis", "x"), ("y", PlotlyValues.Array(series.Values)), ("y0", " "), ("yaxis", "y")));
        PlotlyExpress.LegendAndMargin(figure);
        figure.UpdateLayout("boxmode", "group");
        figure.TitledLayout(column, "Values", 200);
        figure.UpdateTraces("line.color", "#1199bb");
        figure.FinishLayout();
        return figure.AsOutput("plot");
    }
}
