using System.Text.Json.Nodes;
using Runwire.Core.Codecs;
using Runwire.Core.Components.Visualization.Time;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Visualization.Plotly;

/// <summary>
/// How plotly's JSON encoder writes pandas/numpy values: NaN, NaT and infinities become null; data arrays of
/// datetimes go through <c>to_pydatetime()</c> and so are written by <c>datetime.isoformat()</c> (microseconds
/// truncated); single pandas Timestamps (shape corners) are written by <c>Timestamp.isoformat()</c>, which keeps
/// nanoseconds.
/// </summary>
internal static class PlotlyValues
{
    /// <summary>A trace data array from a column (index or values).</summary>
    public static JsonArray Array(Column column)
    {
        // Typed loops for the common columns: no boxing per point on plots of long series.
        switch (column)
        {
            case DateTimeColumn dates:
                var times = new JsonNode?[dates.Length];
                for (var i = 0; i < times.Length; i++)
                {
                    times[i] = dates.Ticks[i] == DateTimeColumn.NaT ? null : JsonValue.Create(PyFormat.IsoFormat(new DateTime(dates.Ticks[i], dates.DateKind)));
                }
                return new JsonArray(times);
            case Float64Column floats:
                var numbers = new JsonNode?[floats.Length];
                for (var i = 0; i < numbers.Length; i++)
                {
                    numbers[i] = double.IsFinite(floats.Values[i]) ? JsonValue.Create(floats.Values[i]) : null;
                }
                return new JsonArray(numbers);
        }
        var result = new JsonArray();
        for (var i = 0; i < column.Length; i++)
        {
            result.Add(column switch
            {
                DateTimeColumn d when d.IsMissing(i) => null,
                _ => DataArrayItem(column.GetValue(i)),
            });
        }
        return result;
    }

    /// <summary>One element of a trace data array (datetimes written like <see cref="Array"/> writes them).</summary>
    public static JsonNode? DataArrayItem(object? value) => value is DateTime t ? PyFormat.IsoFormat(t) : Scalar(value);

    /// <summary>A single value as plotly writes it (dates as pandas Timestamps).</summary>
    public static JsonNode? Scalar(object? value) => value switch
    {
        null => null,
        double d => Number(d),
        long l => l,
        int n => n,
        bool b => b,
        string s => s,
        DateTime t => Timestamp(TimeNanos.From(t), t.Kind == DateTimeKind.Utc),
        JsonNode node => node.DeepClone(),
        _ => value.ToString(),
    };

    public static JsonNode? Number(double value) => double.IsFinite(value) ? value : null;

    /// <summary>pandas <c>Timestamp.isoformat()</c> of nanoseconds since the epoch (9 fraction digits when sub-microsecond).</summary>
    public static string Timestamp(long nanos, bool utc)
    {
        var (ticks, extra) = TimeNanos.ToTicks(nanos);
        var dateTime = new DateTime(ticks, utc ? DateTimeKind.Utc : DateTimeKind.Unspecified);
        var subMicro = ticks % 10 * 100 + extra;
        if (subMicro == 0)
        {
            return PyFormat.IsoFormat(dateTime);
        }
        var fraction = (ticks % TimeSpan.TicksPerSecond * 100 + extra).ToString("000000000");
        return dateTime.ToString("yyyy-MM-dd'T'HH:mm:ss") + "." + fraction + (utc ? "+00:00" : "");
    }

    /// <summary><c>datetime.isoformat()</c> of nanoseconds since the epoch, as in a trace data array.</summary>
    public static string DateTimeIso(long nanos, bool utc) =>
        PyFormat.IsoFormat(new DateTime(TimeNanos.ToTicks(nanos).Ticks, utc ? DateTimeKind.Utc : DateTimeKind.Unspecified));
}
