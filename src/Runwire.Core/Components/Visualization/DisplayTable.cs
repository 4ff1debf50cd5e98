using System.Text.Json.Nodes;
using Runwire.Core.Components.Visualization.Plotly;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Visualization;

/// <summary>
/// "Display Table" 1.0.1 (<c>.py</c>-only in hetida): the frame's columns as a plotly table, optionally with column
/// widths guessed from dtype and content (numbers 16, bools 6, datetimes 32, text its longest string clamped to
/// 12..200, never narrower than the header).
/// </summary>
public sealed class DisplayTable : IComponent
{
    public Guid Id { get; } = new("a11c5089-de92-4197-8e40-1ce827e094b8");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var frame = inputs.Frame("data");
        var autoWidth = inputs.Has("auto_col_width") ? inputs.Bool("auto_col_width") : true;
        var names = frame.ColumnNames;
        var figure = new PlotlyFigure().AddTrace(PlotlyJson.Trace("table",
            ("columnwidth", autoWidth ? PlotlyJson.Numbers(names.Select((name, i) => Width(name, frame.Columns[i]))) : null),
            ("header", new JsonObject { ["align"] = "left", ["fill"] = Fill("paleturquoise"), ["values"] = PlotlyJson.Strings(names) }),
            ("cells", new JsonObject
            {
                ["align"] = "left",
                ["fill"] = Fill("lavender"),
                ["values"] = new JsonArray([.. frame.Columns.Select(c => (JsonNode)PlotlyValues.Array(c))]),
            })));
        // scrollbars stay visible with the right and bottom margins
        figure.Margin(("l", 0), ("r", 15.0), ("b", 15.0), ("t", 5), ("pad", 0));
        figure.TitledLayout("Time", "Values", 400);
        figure.AutoMarginAxes();
        return figure.AsOutput("table");
    }

    private static JsonObject Fill(string color) => new() { ["color"] = color };

    private static double Width(string name, Column column)
    {
        double width = column.Kind switch
        {
            ColumnKind.Float64 or ColumnKind.Int64 => 16,
            ColumnKind.Bool => 6,
            ColumnKind.DateTime => 32,
            _ => TextWidth(column),
        };
        // Python's max() keeps a leading NaN
        return double.IsNaN(width) ? width : Math.Max(width, name.EnumerateRunes().Count());
    }

    // pandas treats every object column as "string dtype"; .str.len() is NaN for non-strings and max() skips those
    private static double TextWidth(Column column)
    {
        var values = Enumerable.Range(0, column.Length).Select(column.GetValue).ToList();
        var lengths = values.OfType<string>().Select(s => s.EnumerateRunes().Count()).ToList();
        if (lengths.Count == 0 && values.Any(v => v is not null && v is not double.NaN))
        {
            throw new PyException("AttributeError", "Can only use .str accessor with string values!");
        }
        return lengths.Count == 0 ? double.NaN : Math.Max(Math.Min(lengths.Max(), 200), 12);
    }
}
