namespace Runwire.Core.Components.Visualization;

/// <summary>
/// Components of hetida's category "Visualization": the 17 JSON-exported ones plus the <c>.py</c>-only Display Table
/// and Plot Time Series and Value Intervals. All but the 2D Grid Generator return plotly figure JSON.
/// </summary>
public static class VisualizationCatalog
{
    public static IReadOnlyList<IComponent> All { get; } =
    [
        new BandFilterPlot(),
        new CompareTimeshiftedTimeseries(),
        new CompareTwoTimeseriesPlot(),
        new ContourPlot(),
        new CorrelationMatrixHeatmapPlot(),
        new DisplayTable(),
        new GridGenerator2D(),
        new MovingWindowAggregatedTimeseriesPlot(),
        new PieChartPlot(),
        new RulRegressionResultPlot(),
        new ScatterColoredByIndex(),
        new SimpleScatterMapPlot(),
        new SingleTimeseriesPlot(),
        new TimeSeriesValueIntervalsPlot(),
        new TimeseriesAndAlertsPlot(),
        new TimeseriesDataFramePlot(),
        new TimeseriesIntervalBoxplots(),
        new TimeseriesSubstitutionPlot(),
        new VerticalBarPlot(),
    ];
}
