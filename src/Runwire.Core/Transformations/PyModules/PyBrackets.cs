namespace Runwire.Core.Transformations.PyModules;

/// <summary>The open brackets while tokenizing: newlines inside them do not end a statement, and they must match.</summary>
internal sealed class PyBrackets(string source)
{
    private readonly Stack<PyToken> _open = new();

    public int Depth => _open.Count;

    public static bool IsOpening(string op) => op is "(" or "[" or "{";

    public static bool IsClosing(string op) => op is ")" or "]" or "}";

    public void Open(PyToken token) => _open.Push(token);

    /// <exception cref="PySyntaxException">Nothing is open, or the open bracket is of another kind.</exception>
    public void Close(string op, int line, int column)
    {
        if (!_open.TryPop(out var opener))
        {
            throw new PySyntaxException($"unmatched '{op}'", line, column);
        }
        var expected = opener.Text(source) switch { "(" => ")", "[" => "]", _ => "}" };
        if (op != expected)
        {
            throw new PySyntaxException(
                $"closing parenthesis '{op}' does not match opening parenthesis '{opener.Text(source)}' on line {opener.Line}", line, column);
        }
    }

    /// <exception cref="PySyntaxException">A bracket is still open at the end of the source.</exception>
    public void CheckAllClosed()
    {
        if (_open.TryPeek(out var unclosed))
        {
            throw new PySyntaxException($"'{unclosed.Text(source)}' was never closed", unclosed.Line, unclosed.Column);
        }
    }
}
