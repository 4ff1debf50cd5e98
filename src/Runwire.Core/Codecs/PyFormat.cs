using System.Globalization;

namespace Runwire.Core.Codecs;

/// <summary>Python's text forms of values, where hetida's outputs contain them (<c>str(float)</c>, <c>datetime.isoformat()</c>).</summary>
public static class PyFormat
{
    /// <summary>Python's <c>repr(float)</c>: shortest round-trip digits, <c>1.0</c> for integral values, <c>1e-05</c> style exponents.</summary>
    public static string Repr(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }
        var exponent = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        var digits = value.ToString("R", CultureInfo.InvariantCulture);
        if (exponent is < -4 or >= 16)
        {
            var e = value.ToString("E16", CultureInfo.InvariantCulture);
            // shortest mantissa that round-trips, then Python's exponent form (e-05, e+16)
            var shortest = digits.Contains('E', StringComparison.Ordinal) ? digits : e;
            var parts = shortest.Split('E');
            var mantissa = parts[0].Contains('.', StringComparison.Ordinal) ? parts[0].TrimEnd('0').TrimEnd('.') : parts[0];
            var exp = int.Parse(parts[1], CultureInfo.InvariantCulture);
            return $"{mantissa}e{(exp < 0 ? "-" : "+")}{Math.Abs(exp):00}";
        }
        if (digits.Contains('E', StringComparison.Ordinal))
        {
            digits = value.ToString("F0", CultureInfo.InvariantCulture);
        }
        return digits.Contains('.', StringComparison.Ordinal) ? digits : digits + ".0";
    }

    /// <summary>
    /// Python's <c>datetime.isoformat()</c>: microseconds only when non-zero, <c>+00:00</c> for tz-aware UTC values,
    /// no offset for naive ones.
    /// </summary>
    public static string IsoFormat(DateTime value)
    {
        var micro = value.Ticks % TimeSpan.TicksPerSecond / 10;
        var text = value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        if (micro != 0)
        {
            text += "." + micro.ToString("000000", CultureInfo.InvariantCulture);
        }
        return value.Kind == DateTimeKind.Utc ? text + "+00:00" : text;
    }
}
