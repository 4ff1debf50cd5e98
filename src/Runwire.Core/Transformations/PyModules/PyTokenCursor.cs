namespace Runwire.Core.Transformations.PyModules;

/// <summary>A position in a token range, with the checks and error messages a literal parser needs.</summary>
internal abstract class PyTokenCursor(string source, List<PyToken> tokens, int start, int end)
{
    private readonly List<PyToken> _tokens = tokens;
    private readonly int _end = end;

    protected string Source { get; } = source;

    protected int Position { get; set; } = start;

    public bool AtEnd => Position >= _end;

    protected PyToken Current => Position < _end ? _tokens[Position] : _tokens[Math.Min(_end, _tokens.Count - 1)];

    /// <summary>The token after the current one, when it is still in the range.</summary>
    protected PyToken? Next => Position + 1 < _end ? _tokens[Position + 1] : null;

    public static PySyntaxException Malformed(PyToken at, string why) => new($"not a literal ({why})", at.Line, at.Column);

    public PyToken Peek() => Current;

    public bool TryTake(string op)
    {
        if (!AtOp(op))
        {
            return false;
        }
        Position++;
        return true;
    }

    public void Expect(string op)
    {
        if (!TryTake(op))
        {
            throw Unexpected();
        }
    }

    public PySyntaxException Unexpected()
    {
        var token = Current;
        var what = AtEnd || token.Kind is PyTokenKind.Newline or PyTokenKind.End ? "end of the value" : $"'{token.Text(Source)}'";
        return new PySyntaxException($"unexpected {what}: not a Python literal", token.Line, token.Column);
    }

    protected bool AtOp(string op) => !AtEnd && Current.IsOp(Source, op);
}
