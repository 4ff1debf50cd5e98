using System.Globalization;

namespace Runwire.Core.Codecs.Pandas;

/// <summary>
/// The number pandas 1.5's ujson writes for a double with <c>double_precision=10</c>: fixed notation with the
/// fraction rounded to 10 places by ujson's own integer arithmetic (ties to an odd digit or from zero go up),
/// trailing zeros dropped; <c>%.10g</c> above 1e16-1 or below 1e-15. hetida then reads that text back and writes the
/// float with Python's <c>repr</c>, which <see cref="Round"/> reproduces.
/// </summary>
internal static class UjsonDouble
{
    private const double ThresMax = 1e16 - 1;
    private const double ThresMin = 1e-15;
    private const double Pow10 = 1e10;

    /// <summary>The value hetida's JSON ends up with: ujson's text parsed back.</summary>
    public static double Round(double value)
    {
        Span<byte> text = stackalloc byte[40];
        var length = Write(value, text);
        return double.Parse(text[..length], NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>Writes ujson's text for a finite value; returns the length.</summary>
    public static int Write(double value, Span<byte> destination)
    {
        var negative = value < 0;
        var abs = negative ? -value : value;
        if (abs > ThresMax || (abs != 0 && abs < ThresMin))
        {
            value.TryFormat(destination, out var written, "G10", CultureInfo.InvariantCulture);
            return written;
        }
        var whole = (ulong)abs;
        var tmp = (abs - whole) * Pow10;
        var frac = (ulong)tmp;
        var diff = tmp - frac;
        if (diff > 0.5 || (diff == 0.5 && (frac == 0 || (frac & 1) == 1)))
        {
            frac++;
        }
        if (frac >= Pow10)
        {
            frac = 0;
            whole++;
        }
        var n = 0;
        if (negative)
        {
            destination[n++] = (byte)'-';
        }
        whole.TryFormat(destination[n..], out var wholeLength, default, CultureInfo.InvariantCulture);
        n += wholeLength;
        destination[n++] = (byte)'.';
        if (frac == 0)
        {
            destination[n++] = (byte)'0';
            return n;
        }
        var count = 10;
        while (frac % 10 == 0)
        {
            frac /= 10;
            count--;
        }
        for (var i = count - 1; i >= 0; i--)
        {
            destination[n + i] = (byte)('0' + frac % 10);
            frac /= 10;
        }
        return n + count;
    }
}
