using System.Text.Json;
using System.Text.Json.Nodes;
using Runwire.Core.Components.Visualization.Frames;
using Runwire.Core.Components.Visualization.Plotly;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Visualization;

/// <summary>
/// "Plot Time Series and Value Intervals" 1.0.0 (<c>.py</c>-only in hetida): the series as line with markers, a
/// rectangle per value interval across the whole time range, and a labelled vertical line per interval, the i-th at
/// (i+1)/(12·count) of the range. The labels use plotly ≥ 5.14's <c>layout.shape.label</c> (hetida pins 5.15).
/// </summary>
public sealed class TimeSeriesValueIntervalsPlot : IComponent
{
    public Guid Id { get; } = new("9b4ca94e-0e20-4341-bb23-abe73d33c7ab");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var series = inputs.Series("series");
        if (series.Values.Kind is not (ColumnKind.Float64 or ColumnKind.Int64))
        {
            throw InvalidInput($"To display the time series entries, their dtype must be float or int, while it is {DtypeName(series.Values)}", "series");
        }
        var intervals = Intervals(inputs["value_interval_dict"]);
        // main()'s own defaults, for callers that leave the optional inputs out
        var lineColor = inputs.Has("line_color") ? inputs.String("line_color") : "rgb(40, 251, 0)";
        var fillColor = inputs.Has("fill_color") ? inputs.String("fill_color") : "rgba(40, 251, 0, 0.15)";

        var sorted = series.SortIndex();
        var figure = new PlotlyFigure().AddTrace(PlotlyJson.Scatter(sorted.Index, sorted.Values, ("mode", "lines+markers")));
        var utc = sorted.Index is DateTimeColumn { IsUtc: true };
        var first = ColumnStats.IndexNanos(sorted.Index, largest: false);
        var last = ColumnStats.IndexNanos(sorted.Index, largest: true);
        JsonNode? Stamp(long? nanos) => nanos is null ? null : PlotlyValues.Timestamp(nanos.Value, utc);

        foreach (var (_, interval) in intervals)
        {
            figure.AddShape(PlotlyJson.Object(("type", "rect"), ("x0", Stamp(first)), ("y0", PlotlyValues.Number(interval.Min)), ("x1", Stamp(last)),
                ("y1", PlotlyValues.Number(interval.Max)), ("line", Line(interval, lineColor, 1)), ("fillcolor", Or(interval.FillColor, fillColor))));
        }
        for (var i = 0; i < intervals.Count; i++)
        {
            var (key, interval) = intervals[i];
            var x = Stamp(first is null ? null : first + Offset(last!.Value - first.Value, i + 1, intervals.Count * 12));
            figure.AddShape(PlotlyJson.Object(("type", "line"), ("x0", x), ("y0", PlotlyValues.Number(interval.Min)), ("x1", x?.DeepClone()),
                ("y1", PlotlyValues.Number(interval.Max)), ("line", Line(interval, lineColor, 2)),
                ("label", new JsonObject { ["text"] = Or(interval.DisplayName, key), ["textangle"] = -90, ["font"] = new JsonObject { ["size"] = 10 } })));
        }
        figure.TitledLayout("Time", series.Name ?? "Values", 200);
        figure.FinishLayout();
        return figure.AsOutput("series_with_intervals");
    }

    // pandas: (k * Timedelta) / count is float division of the nanoseconds, truncated back to whole nanoseconds
    private static long Offset(long span, long factor, long divisor)
    {
        var scaled = span * factor;
        var quotient = Math.Abs(scaled) <= 1L << 53 ? (double)scaled / divisor : (double)((decimal)scaled / divisor);
        return (long)Math.Truncate(quotient);
    }

    private static List<(string Key, ValueInterval Interval)> Intervals(object? value)
    {
        if (value is not JsonObject dict)
        {
            throw new PyException("AttributeError", $"'{Ordering.PyTypeName(value)}' object has no attribute 'items'");
        }
        var intervals = new List<(string, ValueInterval)>();
        var errors = new List<string>();
        foreach (var (key, fields) in dict)
        {
            if (fields is not JsonObject mapping)
            {
                throw PyException.TypeError($"ValueInterval() argument after ** must be a mapping, not {PyTypeName(fields)}");
            }
            var (interval, error) = ValueInterval.Parse(mapping);
            if (error is not null)
            {
                errors.Add(key + ": " + error);
            }
            else
            {
                intervals.Add((key, interval!));
            }
        }
        return errors.Count == 0
            ? intervals
            : throw InvalidInput("There were input validation errors for the value_interval_dict:\n" + string.Join("\n", errors), "value_interval_dict");
    }

    private static JsonObject Line(ValueInterval interval, string fallback, int width) =>
        new() { ["color"] = Or(interval.LineColor, Or(interval.FillColor, fallback)), ["width"] = width };

    // Python's `a or b` on strings: an empty string counts as missing
    private static string Or(string? value, string fallback) => string.IsNullOrEmpty(value) ? fallback : value;

    // the Python type of a JSON value, as json.loads gives it
    private static string PyTypeName(JsonNode? node) => node switch
    {
        null => "NoneType",
        JsonArray => "list",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => "str",
            JsonValueKind.True or JsonValueKind.False => "bool",
            _ => node.ToJsonString().Any(c => c is '.' or 'e' or 'E') ? "float" : "int",
        },
    };

    private static string DtypeName(Column column) => column switch
    {
        DateTimeColumn d => d.IsUtc ? "datetime64[ns, UTC]" : "datetime64[ns]",
        { Kind: ColumnKind.Bool } => "bool",
        _ => "object",
    };

    private static PyException InvalidInput(string message, string input) => new("ComponentInputValidationException", message)
    {
        ErrorCode = 422L,
        ExtraInformation = new JsonObject { ["invalid_component_inputs"] = new JsonArray(input) },
    };
}
