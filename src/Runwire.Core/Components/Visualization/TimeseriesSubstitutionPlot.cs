using System.Text.Json.Nodes;
using Runwire.Core.Components.Visualization.Frames;
using Runwire.Core.Components.Visualization.Plotly;

namespace Runwire.Core.Components.Visualization;

/// <summary>
/// "Timeseries Substitution Plot": the substituted series as a blue line with markers, plus marker traces for the
/// replaced raw values (orange), the ignored raw values (red x) and the added values (green cross).
/// </summary>
public sealed class TimeseriesSubstitutionPlot : IComponent
{
    public Guid Id { get; } = new("3160c5a1-0cfb-7396-739a-a106c2a3e130");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var raw = inputs.Series("raw_values");
        var result = Substitution.Apply(raw, inputs.Series("substitution_series"));
        var name = string.IsNullOrEmpty(raw.Name) ? "raw_values_substituted" : raw.Name + "_substituted";

        var figure = new PlotlyFigure();
        figure.AddTrace(Trace(result.Handled, ("mode", "markers+lines"), ("name", name), ("line", Color("blue")), ("opacity", 0.6)));
        figure.AddTrace(Trace(result.Replaced, ("mode", "markers"), ("name", "replaced raw values"), ("line", Color("orange")), ("marker", Marker(null))));
        figure.AddTrace(Trace(result.Ignored, ("mode", "markers"), ("name", "ignored raw values"), ("line", Color("red")), ("marker", Marker("x"))));
        figure.AddTrace(Trace(result.Added, ("mode", "markers"), ("name", "added values"), ("line", Color("green")), ("marker", Marker("cross"))));
        figure.TitledLayout("Time", "Values", 200);
        figure.FinishLayout();
        return figure.AsOutput("substituted_ts_plot");
    }

    private static JsonObject Trace(Substitution.Points points, params (string, JsonNode?)[] properties) =>
        PlotlyJson.Trace("scatter", [
            ("x", new JsonArray([.. points.Labels.Select(PlotlyValues.DataArrayItem)])),
            ("y", new JsonArray([.. points.Values.Select(PlotlyValues.DataArrayItem)])),
            .. properties]);

    private static JsonObject Color(string color) => new() { ["color"] = color };

    private static JsonObject Marker(string? symbol)
    {
        var marker = new JsonObject { ["opacity"] = 0.6, ["size"] = 10 };
        if (symbol is not null)
        {
            marker["symbol"] = symbol;
        }
        return marker;
    }
}
