namespace Runwire.Core.Data.TimeOps;

/// <summary>
/// pandas computes with int64 nanoseconds since the Unix epoch (NaT = <see cref="long.MinValue"/>); Runwire stores
/// <see cref="DateTime.Ticks"/>. These conversions let window and resample arithmetic run in pandas' unit, so integer
/// divisions (a window halved for centring, a bin edge) round exactly as pandas rounds them.
/// </summary>
public static class EpochNanos
{
    /// <summary>pandas' NaT marker, which is also <see cref="DateTimeColumn.NaT"/>.</summary>
    public const long NaT = long.MinValue;

    private const long TicksToNanos = 100;

    /// <summary>Nanoseconds since 1970-01-01 of a tick value; OutOfBoundsDatetime outside pandas' range (1677-2262).</summary>
    public static long FromTicks(long ticks)
    {
        if (ticks == DateTimeColumn.NaT)
        {
            return NaT;
        }
        var sinceEpoch = ticks - DateTime.UnixEpoch.Ticks;
        if (sinceEpoch > long.MaxValue / TicksToNanos || sinceEpoch <= long.MinValue / TicksToNanos)
        {
            throw new PyException("OutOfBoundsDatetime", $"Out of bounds nanosecond timestamp: {new DateTime(ticks):yyyy-MM-dd HH:mm:ss}");
        }
        return sinceEpoch * TicksToNanos;
    }

    /// <summary>Ticks of a nanosecond value; Runwire cannot hold timestamps finer than 100 ns.</summary>
    public static long ToTicks(long nanos)
    {
        if (nanos == NaT)
        {
            return DateTimeColumn.NaT;
        }
        if (nanos % TicksToNanos != 0)
        {
            throw new PyException("NotImplementedError", "Runwire stores timestamps with 100 ns resolution; this result needs nanoseconds.");
        }
        return nanos / TicksToNanos + DateTime.UnixEpoch.Ticks;
    }

    /// <summary>The nanosecond values of a datetime column (NaT stays NaT).</summary>
    public static long[] FromColumn(DateTimeColumn column)
    {
        var result = new long[column.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = FromTicks(column.Ticks[i]);
        }
        return result;
    }

    /// <summary>A datetime column from nanosecond values.</summary>
    public static DateTimeColumn ToColumn(ReadOnlySpan<long> nanos, bool isUtc)
    {
        var ticks = new long[nanos.Length];
        for (var i = 0; i < ticks.Length; i++)
        {
            ticks[i] = ToTicks(nanos[i]);
        }
        return new DateTimeColumn(ticks, isUtc);
    }

    /// <summary>The nanosecond value of a timestamp.</summary>
    public static long FromDateTime(DateTime value) => FromTicks(value.Ticks);

    /// <summary>A timestamp from nanoseconds, tz-aware UTC or naive.</summary>
    public static DateTime ToDateTime(long nanos, bool isUtc) =>
        new(ToTicks(nanos), isUtc ? DateTimeKind.Utc : DateTimeKind.Unspecified);

    /// <summary>Python's floor modulo, which pandas uses for bin and rhythm arithmetic.</summary>
    public static long FloorMod(long value, long divisor)
    {
        var r = value % divisor;
        return r != 0 && (r < 0) != (divisor < 0) ? r + divisor : r;
    }
}
