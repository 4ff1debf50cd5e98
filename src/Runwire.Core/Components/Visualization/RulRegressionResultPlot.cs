using System.Text.Json.Nodes;
using Runwire.Core.Components.Visualization.Frames;
using Runwire.Core.Components.Visualization.Plotly;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Visualization;

/// <summary>
/// "Univariate Linear RUL Regression Result Plot" (spec §5.2): base series and predictions as lines, a vertical line at
/// the predicted limit violation (skipped when the timestamp is None) and a red horizontal line at the limit.
/// </summary>
public sealed class RulRegressionResultPlot : IComponent
{
    public Guid Id { get; } = new("9c3f88ce-1311-241e-18b7-acf7d3f5a051");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var timestamp = inputs["limit_violation_prediction_timestamp"];
        var limitValue = inputs["limit"];
        var limit = inputs.Number("limit");
        var baseSeries = inputs.Series("base_series");
        var predictions = inputs.Series("predictions");
        var figure = CompareTwoTimeseriesPlot.TwoLines(baseSeries, predictions);

        // np.min/np.max over [min1, min2, limit] propagate NaN (an empty series has min NaN)
        double[] lows = [Convert.ToDouble(ColumnStats.Min(baseSeries.Values)), Convert.ToDouble(ColumnStats.Min(predictions.Values)), limit];
        double[] highs = [Convert.ToDouble(ColumnStats.Max(baseSeries.Values)), Convert.ToDouble(ColumnStats.Max(predictions.Values)), limit];
        var shapes = new JsonArray();
        if (timestamp is not null)
        {
            shapes.Add(PlotlyJson.Object(
                ("type", "line"), ("yref", "y"), ("y0", PlotlyValues.Number(NanAware(lows, Math.Min))),
                ("y1", PlotlyValues.Number(NanAware(highs, Math.Max))), ("xref", "x"),
                ("x0", PlotlyValues.Scalar(timestamp)), ("x1", PlotlyValues.Scalar(timestamp))));
        }
        shapes.Add(PlotlyJson.Object(
            ("type", "line"), ("yref", "y"), ("y0", PlotlyValues.Scalar(limitValue)), ("y1", PlotlyValues.Scalar(limitValue)),
            ("xref", "x"), ("x0", Corner(baseSeries, predictions, largest: false)), ("x1", Corner(baseSeries, predictions, largest: true)),
            ("line", new JsonObject { ["color"] = "red", ["width"] = 1 })));
        figure.UpdateLayout("shapes", shapes);
        figure.FinishLayout();
        return figure.AsOutput("rul_regression_result_plot");
    }

    private static double NanAware(double[] values, Func<double, double, double> pick) =>
        values.Any(double.IsNaN) ? double.NaN : values.Aggregate(pick);

    // np.min([index1.min(), index2.min()]) of two Timestamps; an empty series contributes nothing here
    private static JsonNode? Corner(Series first, Series second, bool largest)
    {
        var candidates = new[] { first, second }
            .Select(s => (Nanos: ColumnStats.IndexNanos(s.Index, largest), Utc: ((DateTimeColumn)s.Index).IsUtc))
            .Where(c => c.Nanos is not null)
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }
        var pick = largest ? candidates.MaxBy(c => c.Nanos) : candidates.MinBy(c => c.Nanos);
        return PlotlyValues.Timestamp(pick.Nanos!.Value, pick.Utc);
    }
}
