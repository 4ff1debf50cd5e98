using System.Text.Json.Nodes;
using Runwire.Core.Components.Visualization.Plotly;
using Runwire.Core.Components.Visualization.Time;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Visualization;

/// <summary>
/// "Compare Timeshifted Timeseries": the first series plus one hidden copy of the second per shift
/// step in [-max_shifts_past, max_shifts_future) × freq_factor × freq, and a slider that shows one copy at a time
/// (step 0 visible at first). Only fixed-length frequencies (Ticks) are supported, see <see cref="TickFrequency"/>.
/// </summary>
public sealed class CompareTimeshiftedTimeseries : IComponent
{
    public Guid Id { get; } = new("daed7280-7013-3be1-41c0-65e4628e0e1d");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs)
    {
        var series = inputs.Series("series").SortIndex();
        var shiftable = inputs.Series("series_shiftable").SortIndex();
        var freq = inputs.String("freq");
        var factor = inputs.Int("freq_factor");
        var past = inputs.Int("max_shifts_past");
        var future = inputs.Int("max_shifts_future");
        if (past < 0 || future < 0)
        {
            throw PyException.ValueError("Shift maxima values must be greater equal zero.");
        }

        var figure = new PlotlyFigure().AddTrace(PlotlyJson.Scatter(series.Index, series.Values, ("mode", "lines"), ("name", Name(series, "series"))));
        var shiftName = Name(shiftable, "series_shiftable");
        for (var step = -past; step < future; step++)
        {
            var shifted = Shift(shiftable.Index, step * factor, freq);
            figure.AddTrace(PlotlyJson.Trace("scatter", ("x", shifted), ("y", PlotlyValues.Array(shiftable.Values)),
                ("mode", "lines"), ("name", shiftName), ("visible", false)));
        }
        if (past + 1 >= figure.Data.Count)
        {
            throw new PyException("IndexError", "tuple index out of range");
        }
        figure.Data[(int)past + 1]!["visible"] = true;

        var prefix = $"Shifted by x times frequency {factor}{freq}: ";
        var steps = new JsonArray();
        for (var i = 1; i < figure.Data.Count; i++)
        {
            var visible = new JsonArray([.. Enumerable.Range(0, figure.Data.Count).Select(t => (JsonNode)(t == 0 || t == i))]);
            var label = (i - past - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            steps.Add(PlotlyJson.Object(("method", "update"), ("label", label),
                ("args", new JsonArray(new JsonObject { ["visible"] = visible }, new JsonObject { ["title"] = prefix + label }))));
        }
        figure.TitledLayout("Time", "Values", 480);
        figure.Margin(("l", 0), ("r", 0), ("b", 40), ("t", 30), ("pad", 10));
        figure.AutoMarginAxes();
        figure.UpdateLayout("sliders", new JsonArray(PlotlyJson.Object(("active", past), ("steps", steps),
            ("currentvalue", new JsonObject { ["prefix"] = prefix }), ("pad", new JsonObject { ["b"] = 10, ["t"] = 80 }))));
        return figure.AsOutput("comparison_plot");
    }

    // hetida tests the name's truthiness and also replaces the default name "measurement"
    private static string Name(Series series, string fallback) =>
        string.IsNullOrEmpty(series.Name) || series.Name == "measurement" ? fallback : series.Name;

    // DatetimeIndex.shift(periods, freq): every label moved by periods × freq
    private static JsonArray Shift(Column index, long periods, string freq)
    {
        if (index is not DateTimeColumn dates)
        {
            var type = index.Kind switch { ColumnKind.Int64 => "Int64Index", ColumnKind.Float64 => "Float64Index", _ => "Index" };
            throw new PyException("NotImplementedError", $"This method is only implemented for DatetimeIndex, PeriodIndex and TimedeltaIndex; Got type {type}");
        }
        var length = TickFrequency.TryNanos(freq, out var calendarName)
            ?? throw (calendarName is null
                ? PyException.ValueError(TickFrequency.InvalidMessage(freq, null))
                : new PyException("NotImplementedError", $"Runwire shifts only by fixed-length frequencies (D, H, T, S, L, U, N), not by {calendarName} ('{freq}')"));
        return [.. dates.Ticks.Select(t => t == DateTimeColumn.NaT ? null : (JsonNode)PlotlyValues.DateTimeIso(TimeNanos.FromTicks(t) + periods * length, dates.IsUtc))];
    }
}
