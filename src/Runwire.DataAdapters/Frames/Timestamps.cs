using System.Globalization;

namespace Runwire.DataAdapters.Frames;

/// <summary>Timestamp texts of the protocol: ISO 8601 with up to nanosecond digits, a Z or an offset for tz-aware values.</summary>
internal static class Timestamps
{
    /// <summary>The generic REST format <c>yyyy-MM-ddTHH:mm:ss.fffffffffZ</c> (UTC, nine digits; ticks give seven).</summary>
    public static string Nanos(long ticks) => new DateTime(ticks).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture) + "00Z";

    /// <summary>Python's <c>Timestamp.isoformat()</c>: fraction only when non-zero, <c>+00:00</c> for UTC values.</summary>
    public static string Iso(long ticks, bool utc)
    {
        var dt = new DateTime(ticks);
        var text = dt.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var fraction = ticks % TimeSpan.TicksPerSecond;
        if (fraction != 0)
        {
            text += fraction % 10 == 0
                ? "." + (fraction / 10).ToString("D6", CultureInfo.InvariantCulture)
                : "." + fraction.ToString("D7", CultureInfo.InvariantCulture) + "00";
        }
        return utc ? text + "+00:00" : text;
    }

    /// <summary>Parses a timestamp text; <paramref name="utc"/> tells whether it carried a zone (then the value is in UTC).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out long ticks, out bool utc)
    {
        ticks = 0;
        utc = false;
        text = text.Trim();
        if (text.Length < 10 || !char.IsAsciiDigit(text[0]) || text[4] != '-')
        {
            return false;
        }
        Span<char> buffer = stackalloc char[48];
        if (text.Length > buffer.Length)
        {
            return false;
        }
        // DateTime keeps seven fraction digits; pandas' nine-digit texts are cut to them.
        var length = 0;
        var digits = -1;
        foreach (var c in text)
        {
            if (c == '.' && digits < 0 && length > 10)
            {
                digits = 0;
            }
            else if (digits >= 0 && char.IsAsciiDigit(c))
            {
                if (++digits > 7)
                {
                    continue;
                }
            }
            else if (digits >= 0)
            {
                digits = int.MinValue;
            }
            buffer[length++] = c;
        }
        var trimmed = buffer[..length];
        var hasZone = trimmed[^1] is 'Z' or 'z' || HasOffset(trimmed);
        if (!DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }
        ticks = parsed.UtcTicks;
        utc = hasZone;
        return true;
    }

    private static bool HasOffset(ReadOnlySpan<char> text)
    {
        var t = text.IndexOf('T');
        if (t < 0)
        {
            t = text.IndexOf(' ');
        }
        return t > 0 && text[t..].IndexOfAny('+', '-') > 0;
    }
}
