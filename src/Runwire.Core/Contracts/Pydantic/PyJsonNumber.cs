using System.Globalization;
using System.Numerics;

namespace Runwire.Core.Contracts.Pydantic;

/// <summary>CPython's JSON number scanner: ASCII digits, ints of any size (up to Python's 4300-digit limit), floats that may overflow to inf.</summary>
internal static class PyJsonNumber
{
    private const int MaxIntDigits = 4300; // CPython's sys.get_int_max_str_digits()

    public static (PyNode Node, int End) Scan(string s, int start)
    {
        var i = start;
        if (i < s.Length && s[i] == '-')
        {
            i++;
        }
        if (i < s.Length && s[i] is >= '1' and <= '9')
        {
            i = Digits(s, i);
        }
        else if (i < s.Length && s[i] == '0')
        {
            i++;
        }
        else
        {
            throw PyJsonErrors.Fail(s, "Expecting value", start);
        }
        var isFloat = false;
        if (i + 1 < s.Length && s[i] == '.' && char.IsAsciiDigit(s[i + 1]))
        {
            i = Digits(s, i + 1);
            isFloat = true;
        }
        if (i < s.Length && s[i] is 'e' or 'E')
        {
            var e = i + 1;
            if (e < s.Length && s[e] is '+' or '-')
            {
                e++;
            }
            if (e < s.Length && char.IsAsciiDigit(s[e]))
            {
                i = Digits(s, e);
                isFloat = true;
            }
        }
        var text = s[start..i];
        if (isFloat)
        {
            return (new PyFloat(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)), i);
        }
        var digits = text.TrimStart('-').Length;
        if (digits > MaxIntDigits)
        {
            throw new PyJsonException(
                $"Exceeds the limit ({MaxIntDigits} digits) for integer string conversion: value has {digits} digits; "
                + "use sys.set_int_max_str_digits() to increase the limit", "value_error");
        }
        return (new PyInt(BigInteger.Parse(text, CultureInfo.InvariantCulture)), i);
    }

    private static int Digits(string s, int i)
    {
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }
        return i;
    }
}
