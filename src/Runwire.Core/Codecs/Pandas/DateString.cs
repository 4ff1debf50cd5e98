namespace Runwire.Core.Codecs.Pandas;

/// <summary>
/// The date strings pandas 1.5's <c>to_datetime</c> turns into timestamps when <c>read_json</c> converts dates, as far
/// as Runwire follows it: ISO-8601 dates with optional time (<c>T</c>, <c>t</c> or space), one- or two-digit fields,
/// fractions down to nanoseconds, the basic forms <c>YYYYMMDD</c> and <c>YYYYMMDDTHHMMSS</c>, and the zones
/// <c>Z</c>, <c>±HH</c>, <c>±HHMM</c>, <c>±HH:MM</c> and <c>UTC</c>. pandas also accepts what dateutil parses
/// ("Jan 1 2020", "1/2/2020", "now"); Runwire leaves such strings unconverted (spec deviation, documented in the report).
/// </summary>
internal static class DateString
{
    public static bool TryParse(ReadOnlySpan<byte> text, out long ticks, out int zone)
    {
        ticks = 0;
        zone = DateZone.Naive;
        text = text.Trim(" \t\n\r"u8);
        var p = new DateCursor(text);
        if (!TryDate(ref p, out var year, out var month, out var day))
        {
            return false;
        }
        int hour = 0, minute = 0, second = 0;
        long fractionTicks = 0;
        if (p.More && p.Current is (byte)'T' or (byte)'t' or (byte)' ' && p.Peek(1) is >= (byte)'0' and <= (byte)'9')
        {
            p.Advance(1);
            if (!TryTime(ref p, out hour, out minute, out second, out fractionTicks))
            {
                return false;
            }
        }
        if (!DateZone.TryRead(ref p, out zone) || p.More || !IsValid(year, month, day, hour, minute, second))
        {
            return false;
        }
        ticks = new DateTime(year, month, day, hour, minute, second).Ticks + fractionTicks;
        if (zone is not DateZone.Naive and not DateZone.NamedUtc)
        {
            ticks -= zone * TimeSpan.TicksPerMinute;
        }
        return PandasTime.InBounds(ticks);
    }

    private static bool TryDate(ref DateCursor p, out int year, out int month, out int day)
    {
        month = day = 1;
        var digits = p.CountDigits();
        if (digits == 8)
        {
            year = p.Number(4);
            month = p.Number(2);
            day = p.Number(2);
            return true;
        }
        if (digits != 4)
        {
            year = 0;
            return false;
        }
        year = p.Number(4);
        if (!p.Take((byte)'-'))
        {
            return true;
        }
        var monthDigits = p.CountDigits();
        if (monthDigits is < 1 or > 2)
        {
            return false;
        }
        month = p.Number(monthDigits);
        if (!p.Take((byte)'-'))
        {
            return true;
        }
        var dayDigits = p.CountDigits();
        if (dayDigits is < 1 or > 2)
        {
            return false;
        }
        day = p.Number(dayDigits);
        return true;
    }

    private static bool TryTime(ref DateCursor p, out int hour, out int minute, out int second, out long fractionTicks)
    {
        minute = second = 0;
        fractionTicks = 0;
        var digits = p.CountDigits();
        if (digits == 6)
        {
            hour = p.Number(2);
            minute = p.Number(2);
            second = p.Number(2);
        }
        else if (digits is 1 or 2)
        {
            hour = p.Number(digits);
            if (p.Take((byte)':'))
            {
                if (p.CountDigits() != 2)
                {
                    return false;
                }
                minute = p.Number(2);
                if (p.Take((byte)':'))
                {
                    if (p.CountDigits() != 2)
                    {
                        return false;
                    }
                    second = p.Number(2);
                }
            }
        }
        else
        {
            hour = 0;
            return false;
        }
        if (p.More && p.Current is (byte)'.' or (byte)',')
        {
            p.Advance(1);
            var fractionDigits = p.CountDigits();
            if (fractionDigits == 0)
            {
                return false;
            }
            fractionTicks = p.Fraction(fractionDigits);
        }
        return true;
    }

    private static bool IsValid(int year, int month, int day, int hour, int minute, int second) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
        && hour < 24 && minute < 60 && second < 60;
}
