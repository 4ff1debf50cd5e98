using System.Text.Json.Nodes;
using Runwire.Core.Components.Visualization.Plotly;

namespace Runwire.Core.Components.Visualization;

/// <summary>"Vertical Bar Plot": <c>px.bar</c> of the values over the index labels.</summary>
public sealed class VerticalBarPlot : IComponent
{
    public Guid Id { get; } = new("9f55f116-f22a-c94b-42b4-1f7c184da3bf");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var series = inputs.Series("series");
        var figure = PlotlyExpress.Cartesian("x", "values");
        figure.AddTrace(PlotlyJson.Trace("bar",
            ("alignmentgroup", "True"), ("hovertemplate", "x=%{x}<br>values=%{y}<extra></extra>"), ("legendgroup", ""),
            ("marker", new JsonObject { ["color"] = PlotlyExpress.Colorway[0], ["pattern"] = new JsonObject { ["shape"] = "" } }),
            ("name", ""), ("offsetgroup", ""), ("orientation", "v"), ("showlegend", false), ("textposition", "auto"),
            ("x", PlotlyValues.Array(series.Index)), ("xaxis", "x"), ("y", PlotlyValues.Array(series.Values)), ("yaxis", "y")));
        PlotlyExpress.LegendAndMargin(figure);
        figure.UpdateLayout("barmode", "relative");
        figure.UpdateLayout("autosize", true);
        figure.UpdateLayout("height", 200);
        figure.FinishLayout();
        return figure.AsOutput("plot");
    }
}
