using System.Text.Json.Nodes;
using Runwire.Core.Components.Visualization.Plotly;

namespace Runwire.Core.Components.Visualization;

/// <summary>"Pie Chart Plot": <c>px.pie</c> with one slice entry per row (plotly.js sums rows of the same group).</summary>
public sealed class PieChartPlot : IComponent
{
    public Guid Id { get; } = new("3b2fe728-5f36-64be-3963-df83918ff8a9");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var frame = inputs.Frame("dataframe");
        var valueColumn = inputs.String("value_column");
        var groupColumn = inputs.String("group_column");
        // px checks its arguments in its own order: names before values
        var labels = PlotlyExpress.Column(frame, "names", groupColumn);
        var values = PlotlyExpress.Column(frame, "values", valueColumn);

        var figure = new PlotlyFigure().AddTrace(PlotlyJson.Trace("pie",
            ("domain", new JsonObject { ["x"] = PlotlyExpress.UnitDomain(), ["y"] = PlotlyExpress.UnitDomain() }),
            ("hovertemplate", $"{groupColumn}=%{{label}}<br>{valueColumn}=%{{value}}<extra></extra>"),
            ("labels", PlotlyValues.Array(labels)), ("legendgroup", ""), ("name", ""), ("showlegend", true),
            ("values", PlotlyValues.Array(values))));
        PlotlyExpress.LegendAndMargin(figure);
        figure.UpdateLayout("height", 300);
        figure.UpdateLayout("width", 300);
        figure.FinishLayout();
        return figure.AsOutput("plot");
    }
}
