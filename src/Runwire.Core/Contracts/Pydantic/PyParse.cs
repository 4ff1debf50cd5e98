using System.Globalization;
using System.Numerics;
using System.Text;

namespace Runwire.Core.Contracts.Pydantic;

/// <summary>Python's <c>int(text, base)</c> and <c>uuid.UUID(text)</c>, which decide what pydantic accepts as int and UUID.</summary>
internal static class PyParse
{
    private static readonly BigInteger UuidLimit = BigInteger.One << 128;

    /// <summary>
    /// <c>UUID(hex)</c>: drops every "urn:", "uuid:" and "-", strips braces, needs 32 code points, then <c>int(hex, 16)</c>
    /// (so surrounding whitespace, a "+" sign, a "0x" prefix, underscores and non-ASCII decimal digits all pass, as in Python).
    /// </summary>
    public static Guid? Uuid(string text)
    {
        var hex = text.Replace("urn:", "", StringComparison.Ordinal).Replace("uuid:", "", StringComparison.Ordinal);
        hex = hex.Trim('{', '}').Replace("-", "", StringComparison.Ordinal);
        if (CodePointCount(hex) != 32 || Int(hex, 16) is not { } value || value.Sign < 0 || value >= UuidLimit)
        {
            return null;
        }
        Span<byte> bytes = stackalloc byte[16];
        var raw = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        raw.CopyTo(bytes[(16 - raw.Length)..]);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>CPython's <c>int(text, base)</c> for base 10 or 16; null where Python raises ValueError.</summary>
    public static BigInteger? Int(string text, int numberBase)
    {
        var ascii = ToAsciiDigitsAndSpaces(text);
        if (ascii is null)
        {
            return null;
        }
        var s = ascii.Trim(' ');
        var negative = s.StartsWith('-');
        if (negative || s.StartsWith('+'))
        {
            s = s[1..];
        }
        var prefixed = numberBase == 16 && (s.StartsWith("0x", StringComparison.Ordinal) || s.StartsWith("0X", StringComparison.Ordinal));
        if (prefixed)
        {
            s = s[2..];
        }
        // Underscores may separate digits (and follow a base prefix), never lead, trail or double.
        if (s.Length == 0 || s.EndsWith('_') || s.Contains("__", StringComparison.Ordinal) || (s.StartsWith('_') && !prefixed))
        {
            return null;
        }
        var digits = s.Replace("_", "", StringComparison.Ordinal);
        if (digits.Length == 0)
        {
            return null;
        }
        BigInteger value = 0;
        foreach (var c in digits)
        {
            var d = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiHexDigit(c) ? (c | 0x20) - 'a' + 10 : 99;
            if (d >= numberBase)
            {
                return null;
            }
            value = value * numberBase + d;
        }
        return negative ? -value : value;
    }

    /// <summary>What CPython does before parsing: Unicode whitespace becomes ' ', Unicode decimal digits become ASCII.</summary>
    private static string? ToAsciiDigitsAndSpaces(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                sb.Append(IsPySpace(rune.Value) ? ' ' : (char)rune.Value);
            }
            else if (IsPySpace(rune.Value))
            {
                sb.Append(' ');
            }
            else if (CharUnicodeInfo.GetDecimalDigitValue(rune.ToString(), 0) is var d and >= 0)
            {
                sb.Append((char)('0' + d));
            }
            else
            {
                return null;
            }
        }
        return sb.ToString();
    }

    /// <summary>Python's <c>str.isspace()</c>: includes the ASCII separators 0x1C-0x1F, which .NET does not count.</summary>
    public static bool IsPySpace(int codePoint) =>
        codePoint is >= 0x1C and <= 0x1F || (codePoint <= 0xFFFF && char.IsWhiteSpace((char)codePoint) && codePoint != 0x180E);

    public static int CodePointCount(string s)
    {
        var count = 0;
        foreach (var _ in s.EnumerateRunes())
        {
            count++;
        }
        return count;
    }
}
