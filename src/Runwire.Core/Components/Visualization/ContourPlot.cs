using System.Text.Json.Nodes;
using Runwire.Core.Components.Visualization.Plotly;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Visualization;

/// <summary>"Contour Plot": z's values reshaped row-wise into rows of len(x) (numpy <c>reshape(-1, len(x))</c>).</summary>
public sealed class ContourPlot : IComponent
{
    public Guid Id { get; } = new("f7530499-51b2-dd01-0d21-c24ee6f8c37e");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var x = inputs.Series("x");
        var y = inputs.Series("y");
        var z = PlotlyValues.Array(inputs.Series("z").Values);
        var width = x.Length;
        if (width == 0 || z.Count % width != 0)
        {
            throw PyException.ValueError($"cannot reshape array of size {z.Count} into shape ({width})");
        }
        var rows = new JsonArray();
        for (var start = 0; start < z.Count; start += width)
        {
            rows.Add(new JsonArray([.. z.Skip(start).Take(width).Select(v => v?.DeepClone())]));
        }
        var figure = new PlotlyFigure().AddTrace(PlotlyJson.Trace("contour",
            ("x", PlotlyValues.Array(x.Values)), ("y", PlotlyValues.Array(y.Values)), ("z", rows)));
        GridLayout(figure);
        return figure.AsOutput("contour_plot");
    }

    /// <summary><c>go.Layout(width=440, height=400, xaxis_showgrid=False, yaxis_showgrid=False)</c> and the usual tail.</summary>
    internal static void GridLayout(PlotlyFigure figure, JsonObject? extraYAxis = null)
    {
        figure.UpdateLayout("height", 400);
        figure.UpdateLayout("width", 440);
        figure.UpdateLayout("xaxis.showgrid", false);
        foreach (var (key, value) in extraYAxis ?? [])
        {
            figure.UpdateLayout("yaxis." + key, value?.DeepClone());
        }
        figure.UpdateLayout("yaxis.showgrid", false);
        figure.FinishLayout();
    }
}
