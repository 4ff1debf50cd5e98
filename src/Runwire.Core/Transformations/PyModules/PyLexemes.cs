namespace Runwire.Core.Transformations.PyModules;

/// <summary>Where Python's number, string and operator tokens end (their values are read by the decoders).</summary>
internal static class PyLexemes
{
    // Longest first, so "**=" is taken before "**" and "*".
    private static readonly string[] Operators =
    [
        "**=", "//=", ">>=", "<<=", "...", "->", ":=", "==", "!=", "<=", ">=", "**", "//", "<<", ">>",
        "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
        "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "+", "-", "*", "/", "%", "&", "|", "^", "~", "<", ">", "=", "@",
    ];

    public static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || (c >= 0x80 && !char.IsWhiteSpace(c));

    public static string? Operator(string s, int pos) => Array.Find(Operators, o => s.AsSpan(pos).StartsWith(o, StringComparison.Ordinal));

    /// <summary>The end of a number starting at <paramref name="pos"/>: digits, letters, underscores, points, exponent signs.</summary>
    public static int NumberEnd(string s, int pos)
    {
        var radix = s[pos] == '0' && pos + 1 < s.Length && s[pos + 1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B';
        while (pos < s.Length && (char.IsAsciiLetterOrDigit(s[pos]) || s[pos] is '_' or '.'))
        {
            var exponent = !radix && s[pos] is 'e' or 'E';
            pos++;
            if (exponent && pos + 1 < s.Length && s[pos] is '+' or '-' && char.IsAsciiDigit(s[pos + 1]))
            {
                pos++;
            }
        }
        return pos;
    }

    /// <summary>
    /// The end of a string whose opening quote is at <paramref name="pos"/>. A backslash always keeps the next character
    /// in the string, raw strings included, as in CPython's tokenizer.
    /// </summary>
    /// <exception cref="PySyntaxException">The string is not closed (reported at <paramref name="line"/>, <paramref name="column"/>).</exception>
    public static int StringEnd(string s, int pos, int line, int column)
    {
        var quote = s[pos];
        var triple = pos + 2 < s.Length && s[pos + 1] == quote && s[pos + 2] == quote;
        var start = pos;
        pos += triple ? 3 : 1;
        while (pos < s.Length && (triple || s[pos] != '\n'))
        {
            if (s[pos] == '\\' && pos + 1 < s.Length)
            {
                pos += 2;
            }
            else if (s[pos] == quote && (!triple || (pos + 2 < s.Length && s[pos + 1] == quote && s[pos + 2] == quote)))
            {
                return pos + (triple ? 3 : 1);
            }
            else
            {
                pos++;
            }
        }
        var what = triple ? "unterminated triple-quoted string literal" : "unterminated string literal";
        var detectedAt = line + s.AsSpan(start, Math.Min(pos, s.Length) - start).Count('\n');
        throw new PySyntaxException($"{what} (detected at line {detectedAt})", line, column);
    }
}
