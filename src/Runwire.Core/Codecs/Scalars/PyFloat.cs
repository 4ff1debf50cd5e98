using System.Globalization;
using System.Text;

namespace Runwire.Core.Codecs.Scalars;

/// <summary>Python's <c>float(str)</c>: decimal/exponent syntax with underscores, <c>inf</c>, <c>infinity</c>, <c>nan</c>.</summary>
internal static class PyFloat
{
    public static bool TryParse(string text, out double value) => TryParse(text.AsSpan(), out value);

    public static bool TryParse(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        var s = PyText.Strip(text);
        var negative = false;
        if (s.Length > 0 && s[0] is '+' or '-')
        {
            negative = s[0] == '-';
            s = s[1..];
        }
        if (s.Equals("inf", StringComparison.OrdinalIgnoreCase) || s.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }
        if (s.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }
        var ascii = new StringBuilder(s.Length + 2);
        ascii.Append(negative ? '-' : '+');
        var i = PyText.ReadDigits(s, ascii);
        var mantissaDigits = i;
        if (i < s.Length && s[i] == '.')
        {
            ascii.Append('.');
            var fraction = PyText.ReadDigits(s[(i + 1)..], ascii);
            mantissaDigits += fraction;
            i += 1 + fraction;
        }
        if (mantissaDigits == 0)
        {
            return false;
        }
        if (i < s.Length && s[i] is 'e' or 'E')
        {
            ascii.Append('e');
            i++;
            if (i < s.Length && s[i] is '+' or '-')
            {
                ascii.Append(s[i]);
                i++;
            }
            var exponent = PyText.ReadDigits(s[i..], ascii);
            if (exponent == 0)
            {
                return false;
            }
            i += exponent;
        }
        // .NET parses overflow to ±Infinity and underflow to ±0, like Python.
        return i == s.Length && double.TryParse(ascii.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
