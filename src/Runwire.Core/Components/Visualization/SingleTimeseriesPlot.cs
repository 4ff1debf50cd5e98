using Runwire.Core.Components.Visualization.Plotly;

namespace Runwire.Core.Components.Visualization;

/// <summary>"Single Timeseries Plot": the series sorted by index as one line, coloured #1199bb, y title = series name.</summary>
public sealed class SingleTimeseriesPlot : IComponent
{
    public Guid Id { get; } = new("8fba9b51-a0f1-6c6c-a6d4-e224103b819c");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var series = inputs.Series("series");
        var sorted = series.SortIndex();
        var figure = new PlotlyFigure().AddTrace(PlotlyJson.Scatter(sorted.Index, sorted.Values, ("mode", "lines")));
        figure.TitledLayout("Time", series.Name ?? "Values", 200);
        figure.UpdateTraces("line.color", "#1199bb");
        figure.FinishLayout();
        return figure.AsOutput("plot");
    }
}
