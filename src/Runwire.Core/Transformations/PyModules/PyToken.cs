namespace Runwire.Core.Transformations.PyModules;

/// <summary>
/// One token of Python source: its text is <c>source[Start..End]</c>; <see cref="Line"/> and <see cref="Column"/> are 1-based.
/// <see cref="Depth"/> is the bracket depth before the token; <see cref="Indent"/> is the column (0-based) of a token
/// that starts a logical line and -1 for every other token.
/// </summary>
internal readonly record struct PyToken(PyTokenKind Kind, int Start, int End, int Line, int Column, int Depth, int Indent)
{
    public bool StartsLine => Indent >= 0;

    public ReadOnlySpan<char> Text(string source) => source.AsSpan(Start, End - Start);

    public bool IsOp(string source, string op) => Kind == PyTokenKind.Op && Text(source).SequenceEqual(op);

    public bool IsName(string source, string name) => Kind == PyTokenKind.Name && Text(source).SequenceEqual(name);
}
