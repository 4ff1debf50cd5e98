using System.Text.Json.Nodes;
using Runwire.Core.Codecs;
using Runwire.Core.Components.Visualization.Frames;
using Runwire.Core.Components.Visualization.Plotly;

namespace Runwire.Core.Components.Visualization;

/// <summary>"Correlation Matrix Heatmap Plot": the Pearson matrix as a heatmap, y axis reversed, hover text = str(value).</summary>
public sealed class CorrelationMatrixHeatmapPlot : IComponent
{
    public Guid Id { get; } = new("8debf23e-54e3-5fa1-bb57-6d41058c66b7");

    // seaborn's diverging_palette(220, 10) as hetida lists it
    private static readonly (double Stop, string Color)[] Colorscale =
    [
        (0.0, "#3f7f93"), (0.071, "#5890a1"), (0.143, "#72a1b0"), (0.214, "#8cb3bf"), (0.286, "#a7c5cf"),
        (0.357, "#c0d6dd"), (0.429, "#dae8ec"), (0.5, "#f2f2f2"), (0.571, "#f7d7d9"), (0.643, "#f2bcc0"),
        (0.714, "#eda3a9"), (0.786, "#e8888f"), (0.857, "#e36e76"), (0.929, "#de535e"), (1.0, "#d93a46"),
    ];

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var (names, matrix) = PearsonCorrelation.Compute(inputs.Frame("dataframe"));
        var z = new JsonArray();
        var text = new JsonArray();
        for (var row = 0; row < names.Count; row++)
        {
            var values = Enumerable.Range(0, names.Count).Select(col => matrix[row, col]).ToList();
            z.Add(PlotlyJson.Numbers(values));
            text.Add(PlotlyJson.Strings(values.Select(PyFormat.Repr)));
        }
        var figure = new PlotlyFigure().AddTrace(PlotlyJson.Trace("heatmap",
            ("z", z), ("x", PlotlyJson.Strings(names)), ("y", PlotlyJson.Strings(names)), ("xgap", 1), ("ygap", 1),
            ("colorscale", new JsonArray([.. Colorscale.Select(s => (JsonNode)new JsonArray(s.Stop, s.Color))])),
            ("colorbar", new JsonObject { ["thickness"] = 20, ["ticklen"] = 3 }),
            ("hovertext", text), ("hoverinfo", "text")));
        ContourPlot.GridLayout(figure, new JsonObject { ["autorange"] = "reversed" });
        return figure.AsOutput("plot");
    }
}
