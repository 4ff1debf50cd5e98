using System.Globalization;
using System.Text;

namespace Runwire.Core.Data.TimeOps;

/// <summary>
/// <c>pandas.to_timedelta(str)</c> (pandas 1.5's <c>parse_timedelta_string</c>): "4min", "1h30min", "1 days 02:00:00",
/// "-00:05:00.5", a bare "0" (nanoseconds). Returns nanoseconds, or null for NaT ("", "NaT", "nan").
/// ISO 8601 durations ("P1DT2H") are not supported.
/// </summary>
public static class TimedeltaParser
{
    private static readonly HashSet<string> NatStrings = ["", "NaT", "nat", "NAT", "nan", "NaN", "NAN"];

    /// <summary>Parses a timedelta string; ValueError with pandas' message when it is not one.</summary>
    public static long? Parse(string text)
    {
        if (NatStrings.Contains(text))
        {
            return null;
        }
        if (text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal))
        {
            throw new PyException("NotImplementedError", $"Runwire does not parse ISO 8601 durations such as '{text}'.");
        }
        return new TimedeltaScanner(text).Scan();
    }

    /// <summary>pandas' <c>timedelta_from_spec</c>: a number with fraction and a unit abbreviation.</summary>
    internal static long FromSpec(StringBuilder number, StringBuilder fraction, string unit)
    {
        // pandas 1.5 only warns about these: "M" means minutes here (ISO 8601), "Y"/"y" an average Gregorian year
        var (factor, precision) = unit switch
        {
            "M" => UnitFactor("m"),
            "Y" or "y" => (31_556_952_000_000_000, 9),
            _ => UnitFactor(unit),
        };
        var text = $"{number}.{fraction}";
        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw PyException.ValueError($"could not convert string to float: '{text}'");
        }
        return CastFromUnit(value, factor, precision);
    }

    internal static long CastFromUnit(double value, long factor, int precision)
    {
        var whole = (long)value;
        var frac = value - whole;
        if (precision > 0)
        {
            frac = Math.Round(frac, precision, MidpointRounding.ToEven);
        }
        return checked(whole * factor + (long)(frac * factor));
    }

    private static (long Factor, int Precision) UnitFactor(string unit) => unit.ToLowerInvariant() switch
    {
        "w" => (604_800_000_000_000, 9),
        "d" or "days" or "day" => (86_400_000_000_000, 9),
        "hours" or "hour" or "hr" or "h" => (3_600_000_000_000, 9),
        "m" or "minute" or "min" or "minutes" or "t" => (60_000_000_000, 9),
        "s" or "seconds" or "sec" or "second" => (1_000_000_000, 9),
        "ms" or "milliseconds" or "millisecond" or "milli" or "millis" or "l" => (1_000_000, 6),
        "us" or "microseconds" or "microsecond" or "µs" or "micro" or "micros" or "u" => (1_000, 3),
        "ns" or "nanoseconds" or "nano" or "nanos" or "nanosecond" or "n" => (1, 0),
        _ => throw PyException.ValueError($"invalid unit abbreviation: {unit}"),
    };
}
