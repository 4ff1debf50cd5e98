using Runwire.Core.Data;

namespace Runwire.Core.Components.Python;

/// <summary>Index handling shared by hetida's time-series components: numeric checks, <c>pd.to_datetime(index)</c>, seconds.</summary>
internal static class PandasIndex
{
    private static readonly HashSet<string> NotDateLike = ["a", "A", "m", "M", "p", "P", "t", "T"];

    /// <summary><c>pd.api.types.is_numeric_dtype(index.dtype)</c> (bool counts as numeric).</summary>
    public static bool IsNumeric(Column index) => index.Kind is ColumnKind.Float64 or ColumnKind.Int64 or ColumnKind.Bool;

    /// <summary>
    /// <c>pd.to_datetime(index)</c>: datetimes stay, ints are epoch nanoseconds, strings are parsed as ISO 8601. Offsets
    /// other than UTC are converted to UTC (pandas would keep a fixed-offset zone). Raises ValueError/ParserError/TypeError like pandas.
    /// </summary>
    public static DateTimeColumn ToDatetime(Column index, bool utc = false)
    {
        switch (index)
        {
            case DateTimeColumn d:
                return utc && !d.IsUtc ? new DateTimeColumn(d.Ticks, true) : d;
            case Int64Column l:
                return new DateTimeColumn([.. l.Values.Select(EpochNanos)], utc);
            case Float64Column f when f.Values.All(x => double.IsNaN(x) || Math.Floor(x) == x):
                return new DateTimeColumn([.. f.Values.Select(x => double.IsNaN(x) ? DateTimeColumn.NaT : EpochNanos((long)x))], utc);
            case Float64Column:
                throw PyException.TypeError("Cannot convert Float64Index to dtype datetime64[ns]; integer values are required for conversion");
            case BoolColumn:
                throw PyException.TypeError("dtype bool cannot be converted to datetime64[ns]");
            default:
                return FromObjects(index, utc);
        }
    }

    /// <summary>Seconds since the first entry (<c>(index - index[0]).total_seconds()</c>: nanoseconds / 1e9).</summary>
    public static double[] SecondsSinceFirst(DateTimeColumn index)
    {
        if (index.Length == 0)
        {
            throw new PyException("IndexError", "index 0 is out of bounds for axis 0 with size 0");
        }
        return [.. index.Ticks.Select(t => TotalSeconds(t - index.Ticks[0]))];
    }

    public static double TotalSeconds(long ticks) => (double)unchecked(ticks * 100) / 1e9;

    private static long EpochNanos(long ns)
    {
        var ticks = ns / 100;
        return DateTime.UnixEpoch.Ticks + (ns % 100 < 0 ? ticks - 1 : ticks);
    }

    private static DateTimeColumn FromObjects(Column index, bool utc)
    {
        var parsed = new IsoTimestamp?[index.Length];
        for (var i = 0; i < parsed.Length; i++)
        {
            parsed[i] = index.GetValue(i) switch
            {
                null or double.NaN => null,
                DateTime t => new IsoTimestamp(t, t.Kind == DateTimeKind.Utc),
                string s => DateParser.ParseIso(s) ?? throw Unparseable(s, i),
                var other => throw PyException.TypeError($"<class '{PyValue.TypeName(other)}'> is not convertible to datetime"),
            };
        }
        // pandas keeps mixed naive/aware values as an object index; the value model has none, so they become UTC.
        var anyOffset = utc || parsed.Any(p => p is { HasOffset: true });
        return new DateTimeColumn([.. parsed.Select(p => p?.Value.Ticks ?? DateTimeColumn.NaT)], anyOffset);
    }

    private static PyException Unparseable(string text, int position)
    {
        var looksNumeric = double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var number);
        var notDateLike = !text.StartsWith('0') && (NotDateLike.Contains(text) || (looksNumeric && number < 1000));
        return notDateLike
            ? PyException.ValueError($"Given date string {text} not likely a datetime present at position {position}")
            : new PyException("ParserError", $"Unknown string format: {text} present at position {position}");
    }
}
