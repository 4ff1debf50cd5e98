using System.Text;

namespace Runwire.Core.Transformations.PyModules;

/// <summary>
/// hetida's documentation of a .py component: the module docstring cleaned like <c>inspect.cleandoc</c>, without its
/// first two lines (the "Documentation for …" title and the blank line under it).
/// </summary>
internal static class PyDocstring
{
    public static string Documentation(string? docstring) =>
        docstring is null ? "" : string.Join('\n', SplitLines(CleanDoc(docstring)).Skip(2));

    /// <summary>Python's <c>inspect.cleandoc</c>.</summary>
    public static string CleanDoc(string doc)
    {
        var lines = ExpandTabs(doc).Split('\n').ToList();
        var margin = int.MaxValue;
        foreach (var line in lines.Skip(1))
        {
            var content = LStrip(line).Length;
            if (content > 0)
            {
                margin = Math.Min(margin, line.Length - content);
            }
        }
        lines[0] = LStrip(lines[0]);
        if (margin < int.MaxValue)
        {
            for (var i = 1; i < lines.Count; i++)
            {
                lines[i] = lines[i].Length > margin ? lines[i][margin..] : "";
            }
        }
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        while (lines.Count > 0 && lines[0].Length == 0)
        {
            lines.RemoveAt(0);
        }
        return string.Join('\n', lines);
    }

    /// <summary>Python's <c>str.splitlines()</c>: every line boundary Python knows, <c>\r\n</c> as one.</summary>
    public static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029')
            {
                lines.Add(text[start..i]);
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }
        return lines;
    }

    /// <summary>Python's <c>str.expandtabs()</c> (tab stops every 8 columns, counted from each \n or \r).</summary>
    private static string ExpandTabs(string text)
    {
        if (!text.Contains('\t', StringComparison.Ordinal))
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        var column = 0;
        foreach (var c in text)
        {
            if (c == '\t')
            {
                var spaces = 8 - (column % 8);
                sb.Append(' ', spaces);
                column += spaces;
                continue;
            }
            sb.Append(c);
            column = c is '\n' or '\r' ? 0 : column + 1;
        }
        return sb.ToString();
    }

    /// <summary><c>str.lstrip()</c>: Python's whitespace also includes the separators U+001C–U+001F.</summary>
    private static string LStrip(string s)
    {
        var i = 0;
        while (i < s.Length && (char.IsWhiteSpace(s[i]) || s[i] is >= '\x1c' and <= '\x1f'))
        {
            i++;
        }
        return s[i..];
    }
}
