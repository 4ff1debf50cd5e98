using System.Globalization;
using System.Text;

namespace Runwire.Core.Contracts.Pydantic;

/// <summary>CPython's <c>scanstring</c> (strict mode): control characters rejected, lone surrogate escapes kept.</summary>
internal static class PyJsonString
{
    public static (string Text, int End) Scan(string s, int start)
    {
        var begin = start - 1;
        StringBuilder? sb = null;
        var i = start;
        while (true)
        {
            var chunkStart = i;
            // Vectorised search: job payloads carry inline series as one long escaped string.
            var rest = s.AsSpan(i);
            var stop = rest.IndexOfAny('"', '\\');
            var chunk = stop < 0 ? rest : rest[..stop];
            var control = chunk.IndexOfAnyInRange('\0', '\u001f');
            if (control >= 0)
            {
                throw PyJsonErrors.Fail(s, "Invalid control character at", i + control);
            }
            i = stop < 0 ? s.Length : i + stop;
            if (i >= s.Length)
            {
                throw PyJsonErrors.Fail(s, "Unterminated string starting at", begin);
            }
            if (s[i] == '"' && sb is null)
            {
                return (s[start..i], i + 1);
            }
            sb ??= new StringBuilder(Math.Min(s.Length - start, 1 << 16));
            sb.Append(s, chunkStart, i - chunkStart);
            if (s[i] == '"')
            {
                return (sb.ToString(), i + 1);
            }
            i = Escape(s, i, begin, sb);
        }
    }

    private static int Escape(string s, int backslash, int begin, StringBuilder sb)
    {
        var i = backslash + 1;
        if (i >= s.Length)
        {
            throw PyJsonErrors.Fail(s, "Unterminated string starting at", begin);
        }
        var c = s[i];
        if (c != 'u')
        {
            sb.Append(c switch
            {
                '"' => '"', '\\' => '\\', '/' => '/', 'b' => '\b', 'f' => '\f', 'n' => '\n', 'r' => '\r', 't' => '\t',
                _ => throw PyJsonErrors.Fail(s, "Invalid \\escape", backslash),
            });
            return i + 1;
        }
        var unit = Hex4(s, i + 1) ?? throw PyJsonErrors.Fail(s, "Invalid \\uXXXX escape", i);
        var next = i + 5;
        if (char.IsHighSurrogate(unit) && next + 1 < s.Length && s[next] == '\\' && s[next + 1] == 'u')
        {
            var low = Hex4(s, next + 2) ?? throw PyJsonErrors.Fail(s, "Invalid \\uXXXX escape", next + 1);
            if (char.IsLowSurrogate(low))
            {
                sb.Append(unit).Append(low);
                return next + 6;
            }
        }
        sb.Append(unit);
        return next;
    }

    private static char? Hex4(string s, int at)
    {
        if (at + 4 > s.Length)
        {
            return null;
        }
        var hex = s.AsSpan(at, 4);
        foreach (var h in hex)
        {
            if (!char.IsAsciiHexDigit(h))
            {
                return null;
            }
        }
        return (char)int.Parse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }
}
