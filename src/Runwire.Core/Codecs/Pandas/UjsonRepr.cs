using System.Globalization;
using System.Text.Json;

namespace Runwire.Core.Codecs.Pandas;

/// <summary>
/// Writes a float of pandas data as hetida's output has it: <c>repr(float(ujson_text))</c>. When ujson's text is in
/// fixed notation at or above 1e-4 and has at most 15 significant digits, it already is that repr (a decimal of up to
/// 15 digits is the shortest form of the double it parses to), so the common case costs no parse and no reformat.
/// </summary>
internal static class UjsonRepr
{
    /// <summary>True when written; otherwise <paramref name="rounded"/> is the value to write with Python's repr.</summary>
    public static bool TryWriteDirect(Utf8JsonWriter writer, double value, out double rounded)
    {
        Span<byte> text = stackalloc byte[40];
        var length = UjsonDouble.Write(value, text);
        var number = text[..length];
        if (IsOwnRepr(number))
        {
            writer.WriteRawValue(number, skipInputValidation: true);
            rounded = value;
            return true;
        }
        rounded = double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);
        return false;
    }

    private static bool IsOwnRepr(ReadOnlySpan<byte> number)
    {
        if (number.IndexOfAny("eE"u8) >= 0)
        {
            return false;
        }
        var digits = number[0] == (byte)'-' ? number[1..] : number;
        if (digits.SequenceEqual("0.0"u8))
        {
            return true;
        }
        var significant = 0;
        var leadingZeros = 0;
        var seenNonZero = false;
        foreach (var b in digits)
        {
            if (b == (byte)'.')
            {
                continue;
            }
            seenNonZero |= b != (byte)'0';
            if (seenNonZero)
            {
                significant++;
            }
            else
            {
                leadingZeros++;
            }
        }
        // "0.000d..." is below 1e-4, where repr switches to exponent notation
        return significant <= 15 && leadingZeros <= 4;
    }
}
