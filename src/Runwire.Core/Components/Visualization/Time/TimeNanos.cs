namespace Runwire.Core.Components.Visualization.Time;

/// <summary>
/// Timestamps as pandas holds them, nanoseconds since 1970-01-01: arithmetic with Timedeltas (window halves, interval
/// label positions) can land between two 100 ns <see cref="DateTime"/> ticks, and hetida's shapes show those digits.
/// </summary>
internal static class TimeNanos
{
    private static readonly long EpochTicks = DateTime.UnixEpoch.Ticks;

    public static long From(DateTime value) => (value.Ticks - EpochTicks) * 100;

    public static long FromTicks(long ticks) => (ticks - EpochTicks) * 100;

    /// <summary>Whole <see cref="DateTime"/> ticks (floored) and the nanoseconds left over (0..99).</summary>
    public static (long Ticks, long ExtraNanos) ToTicks(long nanos)
    {
        var ticks = Math.DivRem(nanos, 100, out var rest);
        if (rest < 0)
        {
            ticks--;
            rest += 100;
        }
        return (ticks + EpochTicks, rest);
    }

    /// <summary>A DateTime of the given kind, sub-tick nanoseconds dropped (as <c>to_pydatetime()</c> drops them).</summary>
    public static DateTime ToDateTime(long nanos, bool utc) =>
        new(ToTicks(nanos).Ticks, utc ? DateTimeKind.Utc : DateTimeKind.Unspecified);
}
