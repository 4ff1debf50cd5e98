using System.Text.Json.Nodes;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Visualization.Plotly;

/// <summary>
/// What <c>plotly.express</c> (plotly 5.4) puts into a figure besides the traces. px ignores
/// <c>pio.templates.default = None</c> and falls back to the "plotly" template; Runwire leaves that template blob
/// out of the layout but copies what px takes from it into the traces (the colorway and the Plasma scale).
/// </summary>
internal static class PlotlyExpress
{
    /// <summary>The "plotly" template's colorway, px's discrete colour sequence.</summary>
    public static readonly IReadOnlyList<string> Colorway =
        ["#636efa", "#EF553B", "#00cc96", "#ab63fa", "#FFA15A", "#19d3f3", "#FF6692", "#B6E880", "#FF97FF", "#FECB52"];

    private static readonly string[] Plasma =
        ["#0d0887", "#46039f", "#7201a8", "#9c179e", "#bd3786", "#d8576b", "#ed7953", "#fb9f3a", "#fdca26", "#f0f921"];

    /// <summary>A px figure over one cartesian subplot: anchored axes with titles, the legend gap and px's top margin.</summary>
    public static PlotlyFigure Cartesian(string xTitle, string yTitle)
    {
        var figure = new PlotlyFigure();
        figure.UpdateLayout("xaxis", Axis("y", xTitle));
        figure.UpdateLayout("yaxis", Axis("x", yTitle));
        return figure;
    }

    /// <summary>px's <c>legend.tracegroupgap = 0</c> and <c>margin.t = 60</c>, written after the subplot.</summary>
    public static void LegendAndMargin(PlotlyFigure figure)
    {
        figure.UpdateLayout("legend.tracegroupgap", 0);
        figure.UpdateLayout("margin.t", 60);
    }

    /// <summary>A continuous colour axis titled after the colour column, scaled with Plasma (stops i/9).</summary>
    public static JsonObject ColorAxis(string title) => new()
    {
        ["colorbar"] = new JsonObject { ["title"] = new JsonObject { ["text"] = title } },
        ["colorscale"] = new JsonArray([.. Plasma.Select((color, i) => (JsonNode)new JsonArray((double)i / (Plasma.Length - 1), color))]),
    };

    /// <summary>A column px takes by name; px's ValueError when the frame has none of that name.</summary>
    public static Column Column(DataFrame frame, string argument, string columnName)
    {
        var position = frame.IndexOf(columnName);
        if (position >= 0)
        {
            return frame.Columns[position];
        }
        var expected = "[" + string.Join(", ", frame.ColumnNames.Select(n => $"'{n}'")) + "]";
        var message = $"Value of '{argument}' is not the name of a column in 'data_frame'. Expected one of {expected} but received: {columnName}";
        throw PyException.ValueError(columnName == "index" ? message + "\n To use the index, pass it in directly as `df.index`." : message);
    }

    /// <summary>The unit domain px writes for axes, pies and mapboxes.</summary>
    public static JsonArray UnitDomain() => [0.0, 1.0];

    private static JsonObject Axis(string anchor, string title) => new()
    {
        ["anchor"] = anchor,
        ["domain"] = UnitDomain(),
        ["title"] = new JsonObject { ["text"] = title },
    };
}
