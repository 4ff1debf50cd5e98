using System.Text.Json.Nodes;
using Runwire.Core.Components.Visualization.Plotly;
using Runwire.Core.Components.Visualization.Time;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Visualization;

/// <summary>
/// "Moving Window Aggregated Timeseries Plot": original and aggregated series (NaNs dropped); in
/// "dots_and_windows" mode also a line per window around each aggregate (placed by label_position: left, right, else
/// centre) and markers for the closed window ends named by interval_type. Any other plotting_mode draws lines only.
/// </summary>
public sealed class MovingWindowAggregatedTimeseriesPlot : IComponent
{
    public Guid Id { get; } = new("eb46db4e-aab5-4f93-8330-9423f0a2a34a");

    private const string DataColor = "gray";
    private const string AggregateColor = "mediumvioletred";

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var original = inputs.Series("original_timeseries");
        var aggregated = inputs.Series("aggregated_timeseries").DropNa();
        var window = TimedeltaText.ParseNanos(inputs.String("window_size"));
        var intervalType = inputs.String("interval_type");
        var labelPosition = inputs.String("label_position");
        var dots = inputs.String("plotting_mode") == "dots_and_windows";

        var figure = new PlotlyFigure();
        figure.AddTrace(PlotlyJson.Scatter(original.Index, original.Values, Style(dots, DataColor, size: null), Mode(dots), ("name", "original timeseries")));
        figure.AddTrace(PlotlyJson.Scatter(aggregated.Index, aggregated.Values, Style(dots, AggregateColor, size: 6), Mode(dots), ("name", "aggregated timeseries")));
        if (dots)
        {
            // Timedelta / 2 truncates to whole nanoseconds
            var (before, after) = labelPosition switch
            {
                "left" => (0L, window),
                "right" => (window, 0L),
                _ => (window / 2, window / 2),
            };
            var stamps = Nanos(aggregated.Index);
            var utc = ((DateTimeColumn)aggregated.Index).IsUtc;
            if (intervalType is "left_closed" or "right_open" or "closed")
            {
                figure.AddTrace(EndMarkers(stamps.Select(t => t - before), utc, aggregated, 8, "left closed"));
            }
            if (intervalType is "right_closed" or "left_open" or "closed")
            {
                figure.AddTrace(EndMarkers(stamps.Select(t => t + after), utc, aggregated, 7, "right closed"));
            }
            var values = aggregated.Values;
            for (var i = 0; i < stamps.Length; i++)
            {
                var value = PlotlyValues.Scalar(values.GetValue(i));
                figure.AddShape(PlotlyJson.Object(
                    ("type", "line"), ("x0", PlotlyValues.Timestamp(stamps[i] - before, utc)), ("x1", PlotlyValues.Timestamp(stamps[i] + after, utc)),
                    ("y0", value), ("y1", value?.DeepClone()), ("line", new JsonObject { ["color"] = AggregateColor, ["width"] = 2 }),
                    ("name", "window size")));
            }
        }
        figure.TitledLayout("Time", "Values", 200);
        figure.FinishLayout();
        return figure.AsOutput("plot");
    }

    private static (string, JsonNode?) Mode(bool dots) => ("mode", dots ? "markers" : "lines");

    private static (string, JsonNode?) Style(bool dots, string color, int? size) => dots
        ? ("marker", size is null ? new JsonObject { ["color"] = color } : new JsonObject { ["color"] = color, ["size"] = size })
        : ("line", new JsonObject { ["color"] = color });

    private static JsonObject EndMarkers(IEnumerable<long> stamps, bool utc, Series aggregated, int symbol, string name) =>
        PlotlyJson.Trace("scatter",
            ("x", PlotlyJson.Strings(stamps.Select(t => PlotlyValues.DateTimeIso(t, utc)))), ("y", PlotlyValues.Array(aggregated.Values)),
            ("mode", "markers"), ("marker", new JsonObject { ["color"] = AggregateColor, ["size"] = 8, ["symbol"] = symbol }),
            ("name", name));

    private static long[] Nanos(Column index) => index switch
    {
        DateTimeColumn dates => [.. dates.Ticks.Select(TimeNanos.FromTicks)],
        { Length: 0 } => [],
        _ => throw PyException.TypeError($"unsupported operand type(s) for -: '{Ordering.PyTypeName(index.GetValue(0))}' and 'Timedelta'"),
    };
}
