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
}
