using Runwire.Core.Codecs.Scalars;
using Runwire.Core.Data;

namespace Runwire.Core.Codecs.Pandas;

/// <summary>Numbers as epoch timestamps: pandas 1.5's <c>to_datetime(values, unit=...)</c> for the cases read_json meets.</summary>
internal static class EpochNumbers
{
    private const double NsMax = 9.2233720368547758E18;

    public static DateTimeColumn? FromInt64(long[] values, DateUnits units)
    {
        foreach (var v in values)
        {
            if (v != long.MinValue && v <= units.MinStamp)
            {
                return null;
            }
        }
        foreach (var (nanosPerUnit, _) in units.Units)
        {
            var ticks = new long[values.Length];
            var fits = true;
            for (var i = 0; i < values.Length && fits; i++)
            {
                var v = values[i];
                ticks[i] = v == long.MinValue ? DateTimeColumn.NaT : ToTicks((Int128)v * nanosPerUnit, ref fits);
            }
            if (fits)
            {
                return new DateTimeColumn(ticks, isUtc: false);
            }
        }
        return null;
    }

    public static DateTimeColumn? FromFloat64(double[] values, DateUnits units)
    {
        foreach (var v in values)
        {
            if (!double.IsNaN(v) && !(v > units.MinStamp))
            {
                return null;
            }
        }
        foreach (var (nanosPerUnit, _) in units.Units)
        {
            var ticks = new long[values.Length];
            var fits = true;
            for (var i = 0; i < values.Length && fits; i++)
            {
                var v = values[i];
                // NaN, inf and values beyond int64 turn into NaT through numpy's float → int64 cast
                ticks[i] = !double.IsFinite(v) || Math.Abs(v) >= NsMax
                    ? DateTimeColumn.NaT
                    : ToTicks((Int128)Math.Truncate(v * nanosPerUnit), ref fits, (Int128)(long)v * nanosPerUnit);
            }
            if (fits)
            {
                return new DateTimeColumn(ticks, isUtc: false);
            }
        }
        return null;
    }

    /// <summary>
    /// The per-element path for object columns in one unit; null with <paramref name="needsStringParsing"/> set when a
    /// string is not numeric (pandas then parses date strings instead), null without it when the unit does not fit.
    /// </summary>
    public static DateTimeColumn? FromObjects(Cells cells, long nanosPerUnit, int precision, out bool needsStringParsing)
    {
        needsStringParsing = false;
        var ticks = new long[cells.Length];
        var fits = true;
        for (var i = 0; i < ticks.Length && fits; i++)
        {
            double number;
            switch (cells.Kind(i))
            {
                case CellKind.Missing or CellKind.Null:
                    ticks[i] = DateTimeColumn.NaT;
                    continue;
                case CellKind.Integer:
                    ticks[i] = ToTicks((Int128)cells.Int64(i) * nanosPerUnit, ref fits);
                    continue;
                case CellKind.Float:
                    number = cells.Double(i);
                    break;
                case CellKind.String when DateStrings.IsNaT(cells.Utf8(i)):
                    ticks[i] = DateTimeColumn.NaT;
                    continue;
                case CellKind.String when PyFloat.TryParse(cells.String(i), out var parsed):
                    number = parsed;
                    break;
                case CellKind.String:
                    needsStringParsing = true;
                    return null;
                default:
                    return null;
            }
            ticks[i] = double.IsNaN(number) ? DateTimeColumn.NaT : CastFromUnit(number, nanosPerUnit, precision, ref fits);
        }
        return fits ? new DateTimeColumn(ticks, isUtc: false) : null;
    }

    // pandas' cast_from_unit: whole and fractional part separately, the fraction rounded to the unit's precision.
    private static long CastFromUnit(double value, long nanosPerUnit, int precision, ref bool fits)
    {
        if (!double.IsFinite(value) || Math.Abs(value) >= NsMax)
        {
            fits = false;
            return 0;
        }
        var whole = Math.Truncate(value);
        var fraction = Math.Round(value - whole, precision);
        return ToTicks((Int128)(long)whole * nanosPerUnit + (long)(fraction * nanosPerUnit), ref fits);
    }

    private static long ToTicks(Int128 ns, ref bool fits, Int128? boundsCheck = null)
    {
        var check = boundsCheck ?? ns;
        if (check < -(Int128)long.MaxValue || check > long.MaxValue || ns < -(Int128)long.MaxValue || ns > long.MaxValue)
        {
            fits = false;
            return 0;
        }
        return PandasTime.FromEpochNanoseconds((long)ns);
    }
}
