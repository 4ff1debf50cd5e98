namespace Runwire.Core.Contracts.Pydantic;

/// <summary>Python's <c>JSONDecodeError</c> message: "msg: line L column C (char P)".</summary>
internal static class PyJsonErrors
{
    /// <summary>Python's <c>JSONDecodeError</c> text; positions count code points, as Python's str does.</summary>
    public static PyJsonException Fail(string s, string msg, int index)
    {
        var pos = CodePoints(s, 0, index);
        var lastNewline = s.LastIndexOf('\n', Math.Max(0, Math.Min(index, s.Length) - 1));
        var line = 1 + s.AsSpan(0, Math.Min(index, s.Length)).Count('\n');
        var column = lastNewline < 0 || index == 0 ? pos + 1 : CodePoints(s, lastNewline, index);
        return new PyJsonException($"{msg}: line {line} column {column} (char {pos})", "value_error.jsondecode");
    }

    private static int CodePoints(string s, int from, int to)
    {
        var count = 0;
        for (var i = from; i < to && i < s.Length; i++)
        {
            if (!(char.IsLowSurrogate(s[i]) && i > 0 && char.IsHighSurrogate(s[i - 1])))
            {
                count++;
            }
        }
        return count;
    }
}
