using System.Globalization;

namespace Runwire.Core.Codecs;

/// <summary>Python's text forms of values, where hetida's outputs contain them (<c>str(float)</c>, <c>datetime.isoformat()</c>).</summary>
public static class PyFormat
{
    /// <summary>Python's <c>repr(float)</c> (= <c>str(float)</c>): shortest round-trip digits, <c>1.0</c>, <c>1e-05</c>, <c>1e+16</c>.</summary>
    public static string Repr(double value)
    {
        Span<char> buffer = stackalloc char[FloatRepr.MaxLength];
        return new string(buffer[..FloatRepr.Format(value, buffer)]);
    }

    /// <summary>
    /// Python's <c>datetime.isoformat()</c>: microseconds only when non-zero, <c>+00:00</c> for tz-aware UTC values,
    /// no offset for naive ones.
    /// </summary>
    public static string IsoFormat(DateTime value) => IsoFormat(value, 'T');

    /// <summary>
    /// Python's <c>str()</c> of an engine value: <c>None</c>, <c>True</c>, ints, <c>repr</c> of floats, strings as they are,
    /// pandas Timestamps as <c>2020-01-01 00:00:00+00:00</c>, dicts and lists in Python's literal form.
    /// </summary>
    public static string Str(object? value) => value switch
    {
        string s => s,
        DateTime d => IsoFormat(d, ' '),
        _ => PyRepr.Of(value),
    };

    internal static string IsoFormat(DateTime value, char separator)
    {
        var micro = value.Ticks % TimeSpan.TicksPerSecond / 10;
        var text = value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + separator
            + value.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        if (micro != 0)
        {
            text += "." + micro.ToString("000000", CultureInfo.InvariantCulture);
        }
        return value.Kind == DateTimeKind.Utc ? text + "+00:00" : text;
    }
}
