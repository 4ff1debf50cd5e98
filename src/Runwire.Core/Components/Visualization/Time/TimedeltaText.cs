using System.Globalization;
using System.Text.RegularExpressions;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Visualization.Time;

/// <summary>
/// hetida's <c>freqstr2timedelta</c>: <c>pd.to_timedelta(text)</c>, falling back to a Tick frequency
/// (<c>pd.to_timedelta(to_offset(text))</c>) for bare aliases such as <c>H</c>. Supports the string forms components
/// receive in practice: number-unit sequences (<c>15min</c>, <c>1h30min</c>, <c>1.5 hours</c>; unit names
/// case-insensitive, <c>M</c> = minutes as in pandas 1.5), a bare integer (nanoseconds) and <c>[N days] hh:mm:ss[.f]</c>.
/// ISO 8601 durations (<c>P1D</c>) are not supported.
/// </summary>
internal static partial class TimedeltaText
{
    private const decimal Second = 1_000_000_000m;

    /// <summary>The duration in nanoseconds; ValueError with pandas' message when the text is neither form.</summary>
    public static long ParseNanos(string text)
    {
        var parsed = TryParse(text.Trim());
        if (parsed is not null)
        {
            return parsed.Value;
        }
        return TickFrequency.TryNanos(text, out var calendarName)
            ?? throw PyException.ValueError(TickFrequency.InvalidMessage(text, calendarName));
    }

    private static long? TryParse(string text)
    {
        var negative = text.StartsWith('-');
        var body = negative || text.StartsWith('+') ? text[1..].TrimStart() : text;
        decimal? total = long.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out var bare)
            ? bare
            : Clock().Match(body) is { Success: true } clock ? ClockNanos(clock) : UnitSum(body);
        return total is null ? null : (long)decimal.Truncate(negative ? -total.Value : total.Value);
    }

    private static decimal ClockNanos(Match clock)
    {
        var days = clock.Groups[1].Success ? decimal.Parse(clock.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var fraction = clock.Groups[5].Success ? decimal.Parse("0." + clock.Groups[5].Value, CultureInfo.InvariantCulture) : 0;
        var seconds = days * 86_400 + int.Parse(clock.Groups[2].Value, CultureInfo.InvariantCulture) * 3_600
            + int.Parse(clock.Groups[3].Value, CultureInfo.InvariantCulture) * 60
            + int.Parse(clock.Groups[4].Value, CultureInfo.InvariantCulture) + fraction;
        return seconds * Second;
    }

    private static decimal? UnitSum(string text)
    {
        var matches = NumberUnit().Matches(text);
        if (matches.Count == 0 || matches.Sum(m => m.Length) != text.Length)
        {
            return null;
        }
        decimal total = 0;
        foreach (Match match in matches)
        {
            var unit = UnitNanos(match.Groups[2].Value.ToLowerInvariant());
            if (unit is null)
            {
                return null;
            }
            total += decimal.Parse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture) * unit.Value;
        }
        return total;
    }

    private static decimal? UnitNanos(string unit) => unit switch
    {
        "y" => 31_556_952 * Second,
        "w" => 7 * 86_400 * Second,
        "d" or "day" or "days" => 86_400 * Second,
        "h" or "hr" or "hour" or "hours" => 3_600 * Second,
        "m" or "t" or "min" or "minute" or "minutes" => 60 * Second,
        "s" or "sec" or "second" or "seconds" => Second,
        "ms" or "l" or "milli" or "millis" or "millisecond" or "milliseconds" => Second / 1_000,
        "us" or "u" or "µs" or "micro" or "micros" or "microsecond" or "microseconds" => 1_000,
        "ns" or "n" or "nano" or "nanos" or "nanosecond" or "nanoseconds" => 1,
        _ => null,
    };

    [GeneratedRegex(@"\s*(\d+(?:\.\d*)?|\.\d+)\s*([A-Za-zµ]+)\s*,?")]
    private static partial Regex NumberUnit();

    [GeneratedRegex(@"^(?:(\d+)\s*(?:days?|d)\s*,?\s*)?(\d+):(\d{2}):(\d{2})(?:\.(\d+))?$")]
    private static partial Regex Clock();
}
