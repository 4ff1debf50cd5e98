using System.Globalization;

namespace Runwire.Core.Codecs;

/// <summary>
/// Python's <c>repr(float)</c> written into a span: the shortest digits that round-trip (as .NET's "R" format finds
/// them), laid out like CPython's <c>float_repr_style = 'short'</c>: fixed notation while the decimal point position
/// is in (-4, 16], otherwise <c>d.ddde±XX</c> with at least two exponent digits, and <c>.0</c> for integral values.
/// </summary>
internal static class FloatRepr
{
    /// <summary>Enough for any double: 17 digits, sign, point, exponent, and the zeros of fixed notation.</summary>
    public const int MaxLength = 32;

    public static int Format(double value, Span<char> destination)
    {
        if (!double.IsFinite(value))
        {
            return Copy(double.IsNaN(value) ? "nan" : value > 0 ? "inf" : "-inf", destination);
        }
        if (value == 0)
        {
            return Copy(double.IsNegative(value) ? "-0.0" : "0.0", destination);
        }
        Span<char> shortest = stackalloc char[MaxLength];
        value.TryFormat(shortest, out var written, "R", CultureInfo.InvariantCulture);
        Span<char> digits = stackalloc char[MaxLength];
        var count = 0;
        var pointPosition = -1;
        var exponent = 0;
        var negative = shortest[0] == '-';
        for (var i = negative ? 1 : 0; i < written; i++)
        {
            var c = shortest[i];
            if (c == '.')
            {
                pointPosition = count;
            }
            else if (c == 'E')
            {
                exponent = int.Parse(shortest[(i + 1)..written], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                break;
            }
            else
            {
                digits[count++] = c;
            }
        }
        var decimalPoint = (pointPosition < 0 ? count : pointPosition) + exponent;
        var start = 0;
        while (digits[start] == '0')
        {
            start++;
            decimalPoint--;
        }
        while (digits[count - 1] == '0')
        {
            count--;
        }
        return Layout(negative, digits[start..count], decimalPoint, destination);
    }

    private static int Layout(bool negative, ReadOnlySpan<char> digits, int decimalPoint, Span<char> destination)
    {
        var n = 0;
        if (negative)
        {
            destination[n++] = '-';
        }
        if (decimalPoint is <= -4 or > 16)
        {
            destination[n++] = digits[0];
            if (digits.Length > 1)
            {
                destination[n++] = '.';
                digits[1..].CopyTo(destination[n..]);
                n += digits.Length - 1;
            }
            var e = decimalPoint - 1;
            destination[n++] = 'e';
            destination[n++] = e < 0 ? '-' : '+';
            e = Math.Abs(e);
            if (e < 10)
            {
                destination[n++] = '0';
            }
            e.TryFormat(destination[n..], out var expLength, default, CultureInfo.InvariantCulture);
            return n + expLength;
        }
        if (decimalPoint <= 0)
        {
            destination[n++] = '0';
            destination[n++] = '.';
            destination.Slice(n, -decimalPoint).Fill('0');
            n += -decimalPoint;
            digits.CopyTo(destination[n..]);
            return n + digits.Length;
        }
        if (decimalPoint >= digits.Length)
        {
            digits.CopyTo(destination[n..]);
            n += digits.Length;
            destination.Slice(n, decimalPoint - digits.Length).Fill('0');
            n += decimalPoint - digits.Length;
            destination[n++] = '.';
            destination[n++] = '0';
            return n;
        }
        digits[..decimalPoint].CopyTo(destination[n..]);
        n += decimalPoint;
        destination[n++] = '.';
        digits[decimalPoint..].CopyTo(destination[n..]);
        return n + digits.Length - decimalPoint;
    }

    private static int Copy(string text, Span<char> destination)
    {
        text.CopyTo(destination);
        return text.Length;
    }
}
