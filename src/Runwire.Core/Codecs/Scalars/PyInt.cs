using System.Globalization;
using System.Text;

namespace Runwire.Core.Codecs.Scalars;

/// <summary>Python's <c>int(str)</c> in base 10, limited to the long range the engine uses for Python ints.</summary>
internal static class PyInt
{
    // pydantic v1 refuses longer strings before calling int() (CVE-2020-10735 guard).
    private const int MaxStrInt = 4300;

    public enum Result
    {
        Ok,
        Invalid,
        OutOfRange,
    }

    public static Result TryParse(string text, out long value)
    {
        value = 0;
        if (text.Length > MaxStrInt)
        {
            return Result.Invalid;
        }
        var s = PyText.Strip(text);
        var ascii = new StringBuilder(s.Length + 1);
        if (s.Length > 0 && s[0] is '+' or '-')
        {
            ascii.Append(s[0]);
            s = s[1..];
        }
        var consumed = PyText.ReadDigits(s, ascii);
        if (consumed == 0 || consumed != s.Length)
        {
            return Result.Invalid;
        }
        return long.TryParse(ascii.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)
            ? Result.Ok
            : Result.OutOfRange;
    }
}
