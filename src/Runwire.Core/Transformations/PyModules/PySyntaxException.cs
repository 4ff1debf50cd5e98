namespace Runwire.Core.Transformations.PyModules;

/// <summary>Python source that is not what hetida could read: a syntax error, or a value <c>ast.literal_eval</c> refuses.</summary>
internal sealed class PySyntaxException(string problem, int line, int column)
    : Exception($"line {line}, column {column}: {problem}")
{
    public string Problem { get; } = problem;

    public int Line { get; } = line;

    public int Column { get; } = column;
}
