using Runwire.Core.Data;

namespace Runwire.Core.Components.Connectors;

/// <summary>
/// "Timeseries Dataframe": appends a series as long-format rows (timestamp, value, metric) to a frame of such rows, or
/// starts one from a first series. An unnamed series gets the first "metric_i" not yet used.
/// </summary>
public sealed class TimeseriesDataFrame : IComponent
{
    public Guid Id { get; } = new("d71a0cef-1d56-818f-a1a5-dd6bb6d50399");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var dfOrSeries = inputs["df_or_series"];
        var toAdd = inputs.Series("series_to_add");
        var name = toAdd.Name ?? NextMetricName(dfOrSeries);
        var first = dfOrSeries switch
        {
            DataFrame frame => frame,
            Series series => RowConcat.LongFormat(series, series.Name ?? "metric_0"),
            var other => throw new PyException("AttributeError", $"'{Ordering.PyTypeName(other)}' object has no attribute 'index'"),
        };
        return new Dictionary<string, object?> { ["timeseries_df"] = RowConcat.Concat(first, RowConcat.LongFormat(toAdd, name)) };
    }

    private static string NextMetricName(object? dfOrSeries)
    {
        // hetida reads df["metric"]: a KeyError for a Series or a frame without that column
        if (dfOrSeries is not DataFrame frame || frame.IndexOf("metric") < 0)
        {
            throw PyException.KeyError("'metric'");
        }
        var metrics = frame["metric"].Values;
        var used = Enumerable.Range(0, metrics.Length).Select(metrics.GetValue).OfType<string>().ToHashSet();
        var i = 0;
        while (used.Contains($"metric_{i}"))
        {
            i++;
        }
        return $"metric_{i}";
    }
}
