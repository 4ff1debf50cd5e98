using System.Globalization;
using System.Text.RegularExpressions;

namespace Runwire.Core.Components.Visualization.Time;

/// <summary>
/// pandas 1.5 <c>to_offset(freq)</c> for fixed-length ("Tick") frequencies: <c>D</c>, <c>H</c>, <c>T</c>/<c>min</c>,
/// <c>S</c>, <c>L</c>/<c>ms</c>, <c>U</c>/<c>us</c>, <c>N</c>/<c>ns</c>, with optional (also fractional or negative)
/// multiples and sums such as <c>1h30min</c>. Calendar offsets (W, M, MS, B, Q, A, ...) move to anchors instead of
/// adding a duration; Runwire does not implement them and reports their pandas class name.
/// </summary>
internal static partial class TickFrequency
{
    private const long Second = 1_000_000_000;

    private static readonly Dictionary<string, string> CalendarAliases = new(StringComparer.Ordinal)
    {
        ["W"] = "Week", ["M"] = "MonthEnd", ["MS"] = "MonthBegin", ["SM"] = "SemiMonthEnd", ["SMS"] = "SemiMonthBegin",
        ["B"] = "BusinessDay", ["C"] = "CustomBusinessDay", ["BM"] = "BusinessMonthEnd", ["BMS"] = "BusinessMonthBegin",
        ["Q"] = "QuarterEnd", ["QS"] = "QuarterBegin", ["A"] = "YearEnd", ["Y"] = "YearEnd", ["AS"] = "YearBegin",
        ["YS"] = "YearBegin", ["BH"] = "BusinessHour",
    };

    /// <summary>The frequency's length in nanoseconds, or null when it is no Tick (then <paramref name="calendarName"/> may name it).</summary>
    public static long? TryNanos(string freq, out string? calendarName)
    {
        calendarName = null;
        var matches = Component().Matches(freq);
        if (matches.Count == 0 || matches.Sum(m => m.Length) != freq.Length)
        {
            return null;
        }
        decimal total = 0;
        foreach (Match match in matches)
        {
            var alias = match.Groups[2].Value;
            var unit = UnitNanos(alias);
            if (unit is null)
            {
                calendarName = CalendarAliases.GetValueOrDefault(alias == "ms" ? alias : alias.ToUpperInvariant());
                return null;
            }
            total += Multiple(match.Groups[1].Value) * unit.Value;
        }
        return (long)decimal.Truncate(total);
    }

    /// <summary>pandas' message when a string is neither a timedelta nor a Tick frequency.</summary>
    public static string InvalidMessage(string freq, string? calendarName) => calendarName is null
        ? $"Invalid frequency: {freq}"
        : $"Value must be Timedelta, string, integer, float, timedelta or convertible, not {calendarName}";

    private static decimal Multiple(string text) => text switch
    {
        "" or "+" => 1,
        "-" => -1,
        _ => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    // pandas keeps "ms" (milliseconds) and "MS" (month begin) apart and upper-cases every other alias.
    private static long? UnitNanos(string alias) => alias == "ms" ? Second / 1000 : alias.ToUpperInvariant() switch
    {
        "D" => 86_400 * Second,
        "H" => 3_600 * Second,
        "T" or "MIN" => 60 * Second,
        "S" => Second,
        "L" => Second / 1000,
        "U" or "US" => 1000,
        "N" or "NS" => 1,
        _ => null,
    };

    [GeneratedRegex(@"([+-]?\d*(?:\.\d*)?)\s*([A-Za-z]+)")]
    private static partial Regex Component();
}
