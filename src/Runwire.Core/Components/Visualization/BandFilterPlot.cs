using System.Text.Json.Nodes;
using Runwire.Core.Components.Visualization.Plotly;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Visualization;

/// <summary>
/// "Band Filter Plot": outliers (filter_mask == False) red, inliers (== True) grey, the band centre green and
/// centre ± rolling deviation orange. Rows whose mask is neither (missing) appear in no marker trace.
/// </summary>
public sealed class BandFilterPlot : IComponent
{
    public Guid Id { get; } = new("ff2392cb-b0ff-4672-803f-4fb44ecca5b5");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var frame = inputs.Frame("band_filter_dataframe");
        var mask = frame["filter_mask"].Values;
        var values = frame["values"].Values;
        var center = frame["band_center"].Values;
        var deviation = frame["rolling_deviation"].Values.ToDoubles();
        var centers = center.ToDoubles();

        var figure = new PlotlyFigure();
        foreach (var (flag, name, color) in new[] { (false, "Outlier", "red"), (true, "Inlier", "slategray") })
        {
            int[] rows = [.. Enumerable.Range(0, mask.Length).Where(r => EqualsFlag(mask.GetValue(r), flag))];
            figure.AddTrace(PlotlyJson.Scatter(frame.Index.Take(rows), values.Take(rows),
                ("mode", "markers"), ("name", name), ("marker", new JsonObject { ["color"] = color })));
        }
        figure.AddTrace(PlotlyJson.Scatter(frame.Index, center, ("name", "Moving Window Median"), ("line", new JsonObject { ["color"] = "limegreen" })));
        figure.AddTrace(Limit(frame, centers.Zip(deviation, (c, d) => c + d), "Upper limit"));
        figure.AddTrace(Limit(frame, centers.Zip(deviation, (c, d) => c - d), "Lower limit"));
        figure.TitledLayout("Time", "Values", 200);
        figure.FinishLayout();
        return figure.AsOutput("band_filter_plot");
    }

    private static JsonObject Limit(DataFrame frame, IEnumerable<double> values, string name) =>
        PlotlyJson.Trace("scatter", ("x", PlotlyValues.Array(frame.Index)), ("y", PlotlyJson.Numbers(values)),
            ("name", name), ("line", new JsonObject { ["color"] = "orange" }));

    // pandas `== False` / `== True`: bools, and numbers equal to 0/1 (0.0 == False holds in Python)
    private static bool EqualsFlag(object? value, bool flag) => value switch
    {
        bool b => b == flag,
        long l => l == (flag ? 1 : 0),
        double d => d == (flag ? 1 : 0),
        _ => false,
    };
}
