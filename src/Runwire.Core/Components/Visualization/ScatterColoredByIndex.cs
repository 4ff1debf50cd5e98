using System.Text.Json.Nodes;
using Runwire.Core.Components.Visualization.Frames;
using Runwire.Core.Components.Visualization.Plotly;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Visualization;

/// <summary>
/// "2D Scatter Plot colored by Index": <c>px.scatter</c> of x against y over their aligned index, coloured
/// continuously (Plasma) by seconds since the first timestamp for a datetime index, or by the index itself when it is
/// numeric; any other index is a ValueError.
/// </summary>
public sealed class ScatterColoredByIndex : IComponent
{
    public Guid Id { get; } = new("a408a19b-70fd-5a16-958c-193d678c2c2b");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var (index, x, y) = IndexAlignment.Align(inputs.Series("x"), inputs.Series("y"));
        var (colorName, colors) = index switch
        {
            DateTimeColumn dates => ("seconds_from_start", SecondsFromStart(dates)),
            { Kind: ColumnKind.Int64 or ColumnKind.Float64 or ColumnKind.Bool } => ("index", PlotlyValues.Array(index)),
            _ => throw PyException.ValueError("Index is not of a dtype that allows coloring from it"),
        };
        var figure = PlotlyExpress.Cartesian("x", "y");
        figure.AddTrace(PlotlyJson.Trace("scatter",
            ("hovertemplate", $"x=%{{x}}<br>y=%{{y}}<br>{colorName}=%{{marker.color}}<extra></extra>"), ("legendgroup", ""),
            ("marker", new JsonObject { ["color"] = colors, ["coloraxis"] = "coloraxis", ["symbol"] = "circle" }),
            ("mode", "markers"), ("name", ""), ("orientation", "v"), ("showlegend", false),
            ("x", PlotlyValues.Array(x)), ("xaxis", "x"), ("y", PlotlyValues.Array(y)), ("yaxis", "y")));
        figure.UpdateLayout("coloraxis", PlotlyExpress.ColorAxis(colorName));
        PlotlyExpress.LegendAndMargin(figure);
        figure.TitledLayout("x", "y", 400);
        figure.UpdateTraces("line.color", "#1199bb");
        figure.FinishLayout();
        return figure.AsOutput("scatter_plot");
    }

    // (timestamps - min).dt.total_seconds(): nanoseconds / 1e9
    private static JsonArray SecondsFromStart(DateTimeColumn dates)
    {
        var present = dates.Ticks.Where(t => t != DateTimeColumn.NaT).ToList();
        var start = present.Count == 0 ? 0 : present.Min();
        return [.. dates.Ticks.Select(t => t == DateTimeColumn.NaT ? null : PlotlyValues.Number((double)((t - start) * 100) / 1e9))];
    }
}
