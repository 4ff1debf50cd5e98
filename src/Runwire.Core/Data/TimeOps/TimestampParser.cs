using System.Globalization;
using System.Text.RegularExpressions;

namespace Runwire.Core.Data.TimeOps;

/// <summary>
/// ISO 8601 timestamp strings as <c>pandas.Timestamp(str)</c> reads them: "2020", "2020-01-02", "2020-01-02 03:04",
/// "2020-01-02T03:04:05.123456789+01:00", trailing "Z". An offset makes the timestamp tz-aware (converted to UTC).
/// pandas also accepts free-form dates via dateutil ("Jan 2 2020"); Runwire does not.
/// </summary>
public static partial class TimestampParser
{
    [GeneratedRegex(
        @"^\s*(?<y>\d{4})(?:-(?<mo>\d{1,2})(?:-(?<d>\d{1,2})(?:[T ](?<h>\d{1,2})(?::(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,](?<f>\d{1,9}))?)?)?)?)?)?" +
        @"\s*(?<tz>Z|[+-]\d{2}(?::?\d{2})?)?\s*$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Iso();

    /// <summary>Parses a timestamp; false when the text is not an ISO 8601 timestamp Runwire understands.</summary>
    public static bool TryParse(string text, out long nanos, out bool hasTimezone)
    {
        nanos = 0;
        hasTimezone = false;
        var m = Iso().Match(text);
        if (!m.Success)
        {
            return false;
        }
        int Part(string name, int fallback) =>
            m.Groups[name].Success ? int.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture) : fallback;
        var (year, month, day) = (Part("y", 0), Part("mo", 1), Part("d", 1));
        var (hour, minute, second) = (Part("h", 0), Part("mi", 0), Part("s", 0));
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        var fraction = m.Groups["f"].Success ? m.Groups["f"].Value.PadRight(9, '0') : "0";
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        nanos = EpochNanos.FromTicks(local.Ticks) + long.Parse(fraction, CultureInfo.InvariantCulture);
        if (m.Groups["tz"].Success)
        {
            hasTimezone = true;
            nanos -= OffsetNanos(m.Groups["tz"].Value);
        }
        return true;
    }

    private static long OffsetNanos(string tz)
    {
        if (tz == "Z")
        {
            return 0;
        }
        var digits = tz[1..].Replace(":", "", StringComparison.Ordinal);
        var hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
        var minutes = digits.Length > 2 ? int.Parse(digits[2..], CultureInfo.InvariantCulture) : 0;
        var total = (hours * 60L + minutes) * 60_000_000_000;
        return tz[0] == '-' ? -total : total;
    }
}
