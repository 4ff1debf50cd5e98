using System.Globalization;
using System.Text.RegularExpressions;

namespace Runwire.Core.Components.Python;

/// <summary>
/// Timestamp parsing where hetida's components parse user text: <see cref="ParseIso"/> for pandas' <c>Timestamp(str)</c>
/// and <see cref="Parse"/> for <c>dateparser.parse(text, settings={"TIMEZONE": "UTC"})</c>. dateparser understands far more
/// (relative dates like "yesterday", many languages); Runwire covers ISO 8601, common numeric and English forms.
/// </summary>
public static partial class DateParser
{
    /// <summary>ISO 8601 (<c>2020-01-01</c>, <c>2020-01-01T12:30:15.5Z</c>, <c>2020-01-01 12:30+02:00</c>); null when the text is not of that form.</summary>
    public static IsoTimestamp? ParseIso(string text)
    {
        var m = IsoPattern().Match(text);
        if (!m.Success)
        {
            return null;
        }
        int Part(int group) => m.Groups[group].Success ? int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        DateTime value;
        try
        {
            value = new DateTime(Part(1), Part(2), Part(3), Part(4), Part(5), Part(6), DateTimeKind.Unspecified);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
        // a fraction finer than 100 ns is truncated (pandas keeps ns, the value model ticks).
        var fraction = m.Groups[7].Value.PadRight(7, '0')[..7];
        value = value.AddTicks(long.Parse(fraction, CultureInfo.InvariantCulture));
        if (!m.Groups[8].Success)
        {
            return new IsoTimestamp(value, false);
        }
        var zone = m.Groups[8].Value;
        var offset = zone is "Z" or "z" ? TimeSpan.Zero : ParseOffset(zone);
        return new IsoTimestamp(DateTime.SpecifyKind(value - offset, DateTimeKind.Utc), true);
    }

    /// <summary>
    /// dateparser with TIMEZONE UTC: the UTC wall-clock time of the text (an offset in the text is converted, no offset
    /// means UTC), truncated to microseconds like Python's datetime; null when the text cannot be read.
    /// </summary>
    public static DateTime? Parse(string text)
    {
        text = text.Trim();
        if (ParseIso(text) is { } iso)
        {
            return DateTime.SpecifyKind(iso.Value.AddTicks(-(iso.Value.Ticks % 10)), DateTimeKind.Utc);
        }
        if (EpochPattern().IsMatch(text))
        {
            return DateTime.UnixEpoch.AddSeconds(long.Parse(text, CultureInfo.InvariantCulture));
        }
        // dateparser's default date order is month-day-year, also with dots (01.02.2020 is 2 January).
        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        var normalized = DottedDate().Replace(text, "$1/$2/$3");
        return DateTime.TryParse(normalized, CultureInfo.InvariantCulture, styles, out var parsed) ? parsed : null;
    }

    private static TimeSpan ParseOffset(string zone)
    {
        var digits = zone[1..].Replace(":", "", StringComparison.Ordinal);
        var hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
        var minutes = digits.Length > 2 ? int.Parse(digits[2..], CultureInfo.InvariantCulture) : 0;
        var span = new TimeSpan(hours, minutes, 0);
        return zone[0] == '-' ? -span : span;
    }

    [GeneratedRegex(@"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?\s*$")]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^\d{9,10}$")]
    private static partial Regex EpochPattern();

    [GeneratedRegex(@"^(\d{1,2})\.(\d{1,2})\.(\d{4})")]
    private static partial Regex DottedDate();
}
