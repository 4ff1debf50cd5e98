using System.Text.Json.Nodes;
using Runwire.Core.Codecs;
using Runwire.Core.Components.Visualization.Plotly;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Visualization;

/// <summary>
/// "Simple Scatter Map Plot": <c>px.scatter_mapbox</c> of the frame's lat/lon columns on OpenStreetMap, hover title
/// "name", hover data "description", every marker of size 2 (sizeref 2/10²), centred on the mean position. A
/// numeric colour column is coloured continuously (Plasma); any other column gives one trace per category in order
/// of appearance, coloured from <c>color_map</c> or else from the plotly colorway.
/// </summary>
public sealed class SimpleScatterMapPlot : IComponent
{
    public Guid Id { get; } = new("dc909fa2-93fa-3205-e31d-b05f944cbd29");

    private const double MarkerSize = 2.0;

    private const string Positions = "size=%{marker.size}<br>lat=%{lat}<br>lon=%{lon}<br>description=%{customdata[0]}";

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var frame = inputs.Frame("data");
        var colorColumn = inputs.String("cat_color_col");
        var colorMap = inputs["color_map"] as JsonObject ?? [];
        // px validates its arguments in this order
        var names = PlotlyExpress.Column(frame, "hover_name", "name");
        var lat = PlotlyExpress.Column(frame, "lat", "lat");
        var lon = PlotlyExpress.Column(frame, "lon", "lon");
        var descriptions = PlotlyExpress.Column(frame, "hover_data_0", "description");
        var colors = PlotlyExpress.Column(frame, "color", colorColumn);
        var map = new MapColumns(names, lat, lon, descriptions, MarkerSize / (10 * 10));

        var figure = new PlotlyFigure();
        figure.UpdateLayout("mapbox", new JsonObject
        {
            ["domain"] = new JsonObject { ["x"] = PlotlyExpress.UnitDomain(), ["y"] = PlotlyExpress.UnitDomain() },
            ["center"] = new JsonObject { ["lat"] = PlotlyValues.Number(Mean(lat)), ["lon"] = PlotlyValues.Number(Mean(lon)) },
            ["zoom"] = 8,
        });
        if (colors.Kind is ColumnKind.Float64 or ColumnKind.Int64)
        {
            var hover = $"<b>%{{hovertext}}</b><br><br>{Positions}<br>{colorColumn}=%{{marker.color}}<extra></extra>";
            int[] all = [.. Enumerable.Range(0, frame.RowCount)];
            figure.AddTrace(map.Trace(all, hover, "", PlotlyValues.Array(colors), showLegend: false));
            figure.UpdateLayout("coloraxis", PlotlyExpress.ColorAxis(colorColumn));
        }
        else
        {
            AddCategoryTraces(figure, map, colors, colorColumn, colorMap);
            figure.UpdateLayout("legend.title.text", colorColumn);
        }
        figure.UpdateLayout("legend.tracegroupgap", 0);
        figure.UpdateLayout("legend.itemsizing", "constant");
        figure.UpdateLayout("margin.t", 60);
        figure.UpdateLayout("height", 400);
        figure.UpdateLayout("mapbox.style", "open-street-map");
        figure.Margin(("r", 0), ("t", 0), ("l", 0), ("b", 0));
        return figure.AsOutput("map_plot");
    }

    private static void AddCategoryTraces(PlotlyFigure figure, MapColumns map, Column colors, string colorColumn, JsonObject colorMap)
    {
        if (Enumerable.Range(0, colors.Length).Any(colors.IsMissing))
        {
            // px 5.4 groups with dropna and then looks the missing group up again
            throw PyException.KeyError("(nan, '')");
        }
        var groups = Enumerable.Range(0, colors.Length).GroupBy(colors.GetValue).ToList();
        // px extends the given mapping: each unmapped category takes colorway[len(mapping) % 10] and joins the mapping
        var mappingSize = colorMap.Count;
        foreach (var group in groups)
        {
            var label = Label(group.Key);
            JsonNode? color = group.Key is string key && colorMap.TryGetPropertyValue(key, out var mapped)
                ? mapped?.DeepClone()
                : PlotlyExpress.Colorway[mappingSize++ % PlotlyExpress.Colorway.Count];
            var hover = $"<b>%{{hovertext}}</b><br><br>{colorColumn}={label}<br>{Positions}<extra></extra>";
            figure.AddTrace(map.Trace([.. group], hover, label, color, showLegend: true));
        }
    }

    private static double Mean(Column column)
    {
        var present = column.ToDoubles().Where(v => !double.IsNaN(v)).ToList();
        return present.Count == 0 ? double.NaN : present.Sum() / present.Count;
    }

    // Python str() of a category value
    private static string Label(object? value) => value switch
    {
        string s => s,
        bool b => b ? "True" : "False",
        double d => PyFormat.Repr(d),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "None",
    };

    private sealed record MapColumns(Column Names, Column Lat, Column Lon, Column Descriptions, double SizeRef)
    {
        public JsonObject Trace(int[] rows, string hover, string group, JsonNode? color, bool showLegend) => PlotlyJson.Trace("scattermapbox",
            ("customdata", new JsonArray([.. PlotlyValues.Array(Descriptions.Take(rows)).Select(d => (JsonNode)new JsonArray(d?.DeepClone()))])),
            ("hovertemplate", hover), ("hovertext", PlotlyValues.Array(Names.Take(rows))), ("lat", PlotlyValues.Array(Lat.Take(rows))),
            ("legendgroup", group), ("lon", PlotlyValues.Array(Lon.Take(rows))),
            ("marker", Marker(rows.Length, color, continuous: !showLegend)),
            ("mode", "markers"), ("name", group), ("showlegend", showLegend), ("subplot", "mapbox"));

        private JsonObject Marker(int count, JsonNode? color, bool continuous)
        {
            var marker = new JsonObject { ["color"] = color };
            if (continuous)
            {
                marker["coloraxis"] = "coloraxis";
            }
            marker["size"] = PlotlyJson.Numbers(Enumerable.Repeat(MarkerSize, count));
            marker["sizemode"] = "area";
            marker["sizeref"] = SizeRef;
            return marker;
        }
    }
}
