using Runwire.Core.Codecs.Scalars;
using Runwire.Core.Data;

namespace Runwire.Core.Codecs.Pandas;

/// <summary>
/// pandas 1.5's <c>Parser._try_convert_to_date</c>: numbers (and all-integer strings) above <c>min_stamp</c> become
/// epoch timestamps in the first unit that fits; object columns go through <c>to_datetime(unit=...)</c>, whose
/// per-element path takes numeric strings as epoch values and falls back to parsing date strings (numbers then
/// count as nanoseconds). Any failure leaves the column unconverted (null).
/// </summary>
internal static class DateConversion
{
    public static DateTimeColumn? TryConvert(Cells cells, DateUnits units)
    {
        if (cells.Length == 0)
        {
            return null;
        }
        var dtype = cells.Dtype;
        switch (dtype)
        {
            case NpDtype.Bool:
                return null;
            case NpDtype.Int64:
                return EpochNumbers.FromInt64(((Int64Column)Dtypes.Materialize(cells, dtype)).Values, units);
            case NpDtype.Float64:
                return EpochNumbers.FromFloat64(cells.Doubles(), units);
        }
        if (TryObjectToInt64(cells) is { } ints)
        {
            return EpochNumbers.FromInt64(ints, units);
        }
        foreach (var (nanosPerUnit, precision) in units.Units)
        {
            var result = EpochNumbers.FromObjects(cells, nanosPerUnit, precision, out var needsStringParsing);
            if (result is not null)
            {
                return result;
            }
            if (needsStringParsing)
            {
                // the fallback ignores the unit, so every unit would give the same answer
                return DateStrings.TryConvert(cells);
            }
        }
        return null;
    }

    // numpy's astype(int64) of an object array: int() of every element.
    private static long[]? TryObjectToInt64(Cells cells)
    {
        var result = new long[cells.Length];
        for (var i = 0; i < result.Length; i++)
        {
            switch (cells.Kind(i))
            {
                case CellKind.Integer:
                    result[i] = cells.Int64(i);
                    break;
                case CellKind.Bool:
                    result[i] = cells.Bool(i) ? 1 : 0;
                    break;
                case CellKind.Float:
                    var f = Math.Truncate(cells.Double(i));
                    if (!double.IsFinite(f) || f < -9.2233720368547758E18 || f >= 9.2233720368547758E18)
                    {
                        return null;
                    }
                    result[i] = (long)f;
                    break;
                case CellKind.String when MayBeInteger(cells.Utf8(i)) && PyInt.TryParse(cells.String(i), out var l) == PyInt.Result.Ok:
                    result[i] = l;
                    break;
                default:
                    return null;
            }
        }
        return result;
    }

    // Cheap pre-check so that date strings are refused without allocating a string.
    private static bool MayBeInteger(ReadOnlySpan<byte> utf8)
    {
        foreach (var b in utf8)
        {
            if (b < 128 && !(b is >= (byte)'0' and <= (byte)'9' or (byte)'_' or (byte)'+' or (byte)'-' || char.IsWhiteSpace((char)b)))
            {
                return false;
            }
        }
        return true;
    }
}
