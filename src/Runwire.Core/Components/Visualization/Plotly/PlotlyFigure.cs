using System.Text.Json.Nodes;

namespace Runwire.Core.Components.Visualization.Plotly;

/// <summary>
/// A plotly figure under construction: what <c>plotly_fig_to_json_dict(fig)</c> returns in hetida, i.e.
/// <c>{"data": [...], "layout": {...}}</c>. hetida's components set <c>pio.templates.default = None</c>, so
/// graph-object figures carry no template; the methods below mirror the layout calls hetida's components repeat.
/// </summary>
internal sealed class PlotlyFigure
{
    public JsonArray Data { get; } = [];

    public JsonObject Layout { get; } = [];

    public PlotlyFigure AddTrace(JsonObject trace)
    {
        Data.Add(trace);
        return this;
    }

    /// <summary><c>fig.add_shape(...)</c>: appends to <c>layout.shapes</c>.</summary>
    public void AddShape(JsonObject shape)
    {
        if (Layout["shapes"] is not JsonArray shapes)
        {
            shapes = [];
            Layout["shapes"] = shapes;
        }
        shapes.Add(shape);
    }

    public void UpdateLayout(string path, JsonNode? value) => PlotlyJson.Set(Layout, path, value);

    /// <summary><c>fig.update_traces(...)</c>: sets the property on every trace.</summary>
    public void UpdateTraces(string path, JsonNode? value)
    {
        foreach (var trace in Data)
        {
            PlotlyJson.Set((JsonObject)trace!, path, value?.DeepClone());
        }
    }

    /// <summary>hetida's usual <c>layout_opts</c>: axis titles, <c>autosize=True</c> and a fixed height.</summary>
    public void TitledLayout(string xTitle, string yTitle, int height)
    {
        UpdateLayout("xaxis.title.text", xTitle);
        UpdateLayout("yaxis.title.text", yTitle);
        UpdateLayout("autosize", true);
        UpdateLayout("height", height);
    }

    /// <summary><c>fig.update_layout(margin=...)</c>; the keys are written in the order given (plotly keeps call order).</summary>
    public void Margin(params (string Side, JsonNode Value)[] sides)
    {
        foreach (var (side, value) in sides)
        {
            UpdateLayout("margin." + side, value);
        }
    }

    /// <summary>The margin almost every hetida plot uses: <c>dict(l=0, r=0, b=0, t=5, pad=0)</c>.</summary>
    public void TightMargin() => Margin(("l", 0), ("r", 0), ("b", 0), ("t", 5), ("pad", 0));

    /// <summary><c>fig.update_yaxes(automargin=True)</c> then <c>fig.update_xaxes(automargin=True)</c>.</summary>
    public void AutoMarginAxes()
    {
        UpdateLayout("yaxis.automargin", true);
        UpdateLayout("xaxis.automargin", true);
    }

    /// <summary>The tail of nearly every hetida plot function: tight margin and automargin on both axes.</summary>
    public void FinishLayout()
    {
        TightMargin();
        AutoMarginAxes();
    }

    public JsonObject ToJson() => new() { ["data"] = Data, ["layout"] = Layout };

    /// <summary>The usual component result: one output name mapped to the figure JSON.</summary>
    public IReadOnlyDictionary<string, object?> AsOutput(string outputName) =>
        new Dictionary<string, object?> { [outputName] = ToJson() };
}
