using System.Runtime.CompilerServices;
using Runwire.Core.Data;

namespace Runwire.Core.Codecs.Pandas;

/// <summary>
/// Remembers the fixed offset of datetime columns parsed from strings like <c>+01:00</c>: Runwire stores them as UTC
/// (its columns know only UTC and naive), but MULTITSFRAME validation must still refuse them as pandas does.
/// </summary>
internal static class PandasTimezones
{
    private static readonly ConditionalWeakTable<DateTimeColumn, string> Zones = [];

    public static DateTimeColumn Mark(DateTimeColumn column, int zone)
    {
        if (zone is not (DateZone.Naive or DateZone.NamedUtc or 0))
        {
            Zones.AddOrUpdate(column, DateZone.Name(zone));
        }
        return column;
    }

    /// <summary><c>str(series.dt.tz)</c>: "UTC", or "pytz.FixedOffset(60)" for a column parsed with that offset.</summary>
    public static string NameOf(DateTimeColumn column) => Zones.TryGetValue(column, out var name) ? name : "UTC";
}
