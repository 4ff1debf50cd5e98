using System.Globalization;
using System.Text;

namespace Runwire.Core.Codecs.Scalars;

/// <summary>Helpers for Python's number syntax: <c>str.strip()</c> whitespace and digit runs with single underscores.</summary>
internal static class PyText
{
    /// <summary>Python's <c>str.isspace()</c>, which also counts the ASCII separators 0x1C–0x1F.</summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is >= '\x1c' and <= '\x1f';

    public static ReadOnlySpan<char> Strip(ReadOnlySpan<char> text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsSpace(text[start]))
        {
            start++;
        }
        while (end > start && IsSpace(text[end - 1]))
        {
            end--;
        }
        return text[start..end];
    }

    /// <summary>
    /// Appends a run of decimal digits (any Unicode decimal digit, as Python accepts) to <paramref name="ascii"/>,
    /// allowing single underscores between digits. Returns the number of characters consumed; 0 when there is no digit.
    /// A trailing or doubled underscore ends the run before it, leaving the caller to reject the leftover.
    /// </summary>
    public static int ReadDigits(ReadOnlySpan<char> text, StringBuilder ascii)
    {
        var i = 0;
        while (i < text.Length)
        {
            var digit = Digit(text[i]);
            if (digit < 0)
            {
                if (text[i] == '_' && i > 0 && i + 1 < text.Length && Digit(text[i + 1]) >= 0)
                {
                    i++;
                    continue;
                }
                break;
            }
            ascii.Append((char)('0' + digit));
            i++;
        }
        return i;
    }

    private static int Digit(char c) =>
        char.IsAsciiDigit(c) ? c - '0'
        : c > 127 && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DecimalDigitNumber ? CharUnicodeInfo.GetDecimalDigitValue(c)
        : -1;
}
