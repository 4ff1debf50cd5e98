namespace Runwire.Core.Codecs.Pandas;

/// <summary>
/// pandas' <c>to_json(date_format="iso")</c> timestamps: millisecond precision (truncated toward the past), <c>Z</c>
/// for tz-aware values (converted to UTC), nothing for naive ones, e.g. <c>2020-01-01T00:00:01.500Z</c>.
/// </summary>
internal static class IsoMillis
{
    public const int MaxLength = 24;

    public static string Format(long ticks, bool utc)
    {
        Span<byte> buffer = stackalloc byte[MaxLength];
        var length = Write(ticks, utc, buffer);
        return System.Text.Encoding.ASCII.GetString(buffer[..length]);
    }

    public static int Write(long ticks, bool utc, Span<byte> destination)
    {
        var t = new DateTime(ticks - ticks % TimeSpan.TicksPerMillisecond);
        Digits(destination, 0, t.Year, 4);
        destination[4] = (byte)'-';
        Digits(destination, 5, t.Month, 2);
        destination[7] = (byte)'-';
        Digits(destination, 8, t.Day, 2);
        destination[10] = (byte)'T';
        Digits(destination, 11, t.Hour, 2);
        destination[13] = (byte)':';
        Digits(destination, 14, t.Minute, 2);
        destination[16] = (byte)':';
        Digits(destination, 17, t.Second, 2);
        destination[19] = (byte)'.';
        Digits(destination, 20, t.Millisecond, 3);
        if (!utc)
        {
            return 23;
        }
        destination[23] = (byte)'Z';
        return 24;
    }

    private static void Digits(Span<byte> destination, int at, int value, int width)
    {
        for (var i = width - 1; i >= 0; i--)
        {
            destination[at + i] = (byte)('0' + value % 10);
            value /= 10;
        }
    }
}
