using Runwire.Core.Components.Visualization.Plotly;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Visualization;

/// <summary>"Compare Two Timeseries Plot": both series sorted by index as lines, unnamed ones called series_1/series_2.</summary>
public sealed class CompareTwoTimeseriesPlot : IComponent
{
    public Guid Id { get; } = new("a432923f-4718-44ae-3c9c-9832e68724bb");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var figure = TwoLines(inputs.Series("series_1"), inputs.Series("series_2"));
        figure.FinishLayout();
        return figure.AsOutput("comparison_plot");
    }

    /// <summary>The two sorted line traces and the titled layout, shared with the RUL result plot.</summary>
    internal static PlotlyFigure TwoLines(Series first, Series second)
    {
        var figure = new PlotlyFigure();
        foreach (var (series, fallback) in new[] { (first, "series_1"), (second, "series_2") })
        {
            var sorted = series.SortIndex();
            // hetida tests the name's truthiness, so an empty name falls back too
            var name = string.IsNullOrEmpty(series.Name) ? fallback : series.Name;
            figure.AddTrace(PlotlyJson.Scatter(sorted.Index, sorted.Values, ("mode", "lines"), ("name", name)));
        }
        figure.TitledLayout("Time", "Values", 200);
        return figure;
    }
}
