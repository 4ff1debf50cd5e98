
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
        // Hand-formatted: plots write tens of thousands of these, and custom DateTime patterns are slow.
        var micro = (int)(value.Ticks % TimeSpan.TicksPerSecond / 10);
        var utc = value.Kind == DateTimeKind.Utc;
        var length = 19 + (micro != 0 ? 7 : 0) + (utc ? 6 : 0);
        return string.Create(length, (value, separator, micro, utc), static (span, state) =>
        {
            var (v, sep, us, isUtc) = state;
            Digits(span[..4], v.Year);
            span[4] = '-';
            Digits(span.Slice(5, 2), v.Month);
            span[7] = '-';
            Digits(span.Slice(8, 2), v.Day);
            span[10] = sep;
            Digits(span.Slice(11, 2), v.Hour);
            span[13] = ':';
            Digits(span.Slice(14, 2), v.Minute);
            span[16] = ':';
            Digits(span.Slice(17, 2), v.Second);
            var at = 19;
            if (us != 0)
            {
                span[at] = '.';
                Digits(span.Slice(at + 1, 6), us);
                at += 7;
            }
            if (isUtc)
            {
                "+00:00".AsSpan().CopyTo(span[at..]);
            }
        });
    }

    private static void Digits(Span<char> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
