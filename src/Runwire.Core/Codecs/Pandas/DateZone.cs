namespace Runwire.Core.Codecs.Pandas;

/// <summary>
/// The zone of a parsed date string: <see cref="Naive"/>, a fixed offset in minutes (0 for <c>Z</c>), or
/// <see cref="NamedUtc"/> for a <c>UTC</c> suffix (pandas parses that through dateutil, so it does not mix with <c>Z</c>).
/// </summary>
internal static class DateZone
{
    public const int Naive = int.MinValue;

    public const int NamedUtc = int.MaxValue;

    /// <summary>pandas' name of the resulting column's tz (<c>str(series.dt.tz)</c>).</summary>
    public static string Name(int zone) => zone is 0 or NamedUtc ? "UTC" : $"pytz.FixedOffset({zone})";

    /// <summary>Reads an optional zone suffix: <c>Z</c>, <c>±HH</c>, <c>±HHMM</c>, <c>±HH:MM</c> or <c>UTC</c>.</summary>
    public static bool TryRead(ref DateCursor p, out int zone)
    {
        zone = Naive;
        if (!p.More)
        {
            return true;
        }
        if (p.Current is (byte)'Z' or (byte)'z')
        {
            p.Advance(1);
            zone = 0;
            return true;
        }
        if (p.Rest.TrimStart((byte)' ').SequenceEqual("UTC"u8))
        {
            p.Advance(p.Rest.Length);
            zone = NamedUtc;
            return true;
        }
        if (p.Current is not ((byte)'+' or (byte)'-'))
        {
            return false;
        }
        var sign = p.Current == (byte)'-' ? -1 : 1;
        p.Advance(1);
        var digits = p.CountDigits();
        if (digits is not (2 or 4))
        {
            return false;
        }
        var hours = p.Number(2);
        var minutes = digits == 4 ? p.Number(2) : 0;
        if (digits == 2 && p.Take((byte)':'))
        {
            if (p.CountDigits() != 2)
            {
                return false;
            }
            minutes = p.Number(2);
        }
        zone = sign * (hours * 60 + minutes);
        return hours < 24 && minutes < 60;
    }
}
