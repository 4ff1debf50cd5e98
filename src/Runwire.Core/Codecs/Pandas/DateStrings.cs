using Runwire.Core.Data;

namespace Runwire.Core.Codecs.Pandas;

/// <summary>
/// pandas' fallback for object columns with date strings (<c>array_to_datetime</c>): every string must parse, all
/// parsed strings must share one zone (naive, one offset, or UTC), and numbers in between count as nanoseconds.
/// </summary>
internal static class DateStrings
{
    /// <summary>Empty strings and pandas' <c>nat_strings</c>.</summary>
    public static bool IsNaT(ReadOnlySpan<byte> utf8) =>
        utf8.IsEmpty || utf8.SequenceEqual("NaT"u8) || utf8.SequenceEqual("nat"u8) || utf8.SequenceEqual("NAT"u8)
        || utf8.SequenceEqual("nan"u8) || utf8.SequenceEqual("NaN"u8) || utf8.SequenceEqual("NAN"u8);

    public static DateTimeColumn? TryConvert(Cells cells)
    {
        var ticks = new long[cells.Length];
        int? zone = null;
        for (var i = 0; i < ticks.Length; i++)
        {
            switch (cells.Kind(i))
            {
                case CellKind.Missing or CellKind.Null:
                    ticks[i] = DateTimeColumn.NaT;
                    break;
                case CellKind.Integer:
                    ticks[i] = PandasTime.FromEpochNanoseconds(cells.Int64(i));
                    break;
                case CellKind.Float:
                    var f = cells.Double(i);
                    if (double.IsInfinity(f) || Math.Abs(f) >= 9.2233720368547758E18)
                    {
                        return null;
                    }
                    ticks[i] = double.IsNaN(f) ? DateTimeColumn.NaT : PandasTime.FromEpochNanoseconds((long)f);
                    break;
                case CellKind.String when IsNaT(cells.Utf8(i)):
                    ticks[i] = DateTimeColumn.NaT;
                    break;
                case CellKind.String:
                    if (!DateString.TryParse(cells.Utf8(i), out ticks[i], out var z) || (zone is { } seen && seen != z))
                    {
                        return null;
                    }
                    zone = z;
                    break;
                default:
                    return null;
            }
        }
        var aware = zone is { } found && found != DateZone.Naive;
        return PandasTimezones.Mark(new DateTimeColumn(ticks, aware), zone ?? DateZone.Naive);
    }
}
