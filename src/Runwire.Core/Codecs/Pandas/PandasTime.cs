namespace Runwire.Core.Codecs.Pandas;

/// <summary>pandas' datetime64[ns] range and epoch arithmetic on <see cref="DateTime.Ticks"/>.</summary>
internal static class PandasTime
{
    public const long EpochTicks = 621355968000000000;

    // Timestamp.min = 1677-09-21 00:12:43.145224193, Timestamp.max = 2262-04-11 23:47:16.854775807
    private static readonly long MinTicks = EpochTicks + (long.MinValue + 1) / 100 + 1;
    private static readonly long MaxTicks = EpochTicks + long.MaxValue / 100;

    public static bool InBounds(long ticks) => ticks >= MinTicks && ticks <= MaxTicks;

    /// <summary>Ticks of a nanosecond epoch value, rounding toward the past like numpy's datetime64 conversions.</summary>
    public static long FromEpochNanoseconds(long ns) => EpochTicks + Math.DivRem(ns, 100, out var rem) - (rem < 0 ? 1 : 0);

    public static long ToEpochNanosecondsFloor(long ticks) => (ticks - EpochTicks) * 100;
}
