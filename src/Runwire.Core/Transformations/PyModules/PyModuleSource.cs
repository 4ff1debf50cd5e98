using System.Text;

namespace Runwire.Core.Transformations.PyModules;

/// <summary>
/// A Python module read far enough to find what hetida takes from it without running it: the module docstring (libcst's
/// <c>Module.get_docstring</c>) and module-level single-target assignments (<c>get_global_from_code</c>).
/// </summary>
internal sealed class PyModuleSource
{
    // A logical line starting with one of these is a compound statement: what follows its colon is not module level.
    private static readonly HashSet<string> CompoundKeywords =
        ["if", "elif", "else", "for", "while", "with", "def", "class", "try", "except", "finally", "async", "@"];

    private readonly string _code;
    private readonly List<PyToken> _tokens;

    private PyModuleSource(string code, List<PyToken> tokens) => (_code, _tokens) = (code, tokens);

    /// <exception cref="PySyntaxException">The code cannot be tokenized (an unterminated string, an unclosed bracket, ...).</exception>
    public static PyModuleSource Parse(string code) => new(code, PyTokenizer.Tokenize(code));

    /// <summary>
    /// The value of the first module-level <c>name = literal</c>, like hetida's <c>get_global_from_code</c>; null when there
    /// is none. Chained (<c>a = b = …</c>), annotated and augmented assignments do not count, as in hetida.
    /// </summary>
    /// <exception cref="PySyntaxException">The assigned value is not a literal.</exception>
    public PyValue? Global(string name)
    {
        foreach (var (start, end) in ModuleStatements())
        {
            // "(name) = …" is still a plain name target in Python's AST.
            var parens = 0;
            while (start + parens < end && _tokens[start + parens].IsOp(_code, "("))
            {
                parens++;
            }
            var equals = start + (2 * parens) + 1;
            if (equals < end && _tokens[start + parens].IsName(_code, name) && _tokens[equals].IsOp(_code, "=")
                && Enumerable.Range(start + parens + 1, parens).All(i => _tokens[i].IsOp(_code, ")")) && !HasSecondTarget(equals + 1, end))
            {
                return PyLiteralParser.Parse(_code, _tokens, equals + 1, end);
            }
        }
        return null;
    }

    /// <summary>The module docstring as written (not cleaned), or null when the first statement is not a plain string.</summary>
    public string? Docstring()
    {
        // libcst looks at the module's first statement only, whatever it is.
        var start = 0;
        var end = start;
        while (_tokens[end].Kind is not (PyTokenKind.Newline or PyTokenKind.End) && !(_tokens[end].Depth == 0 && _tokens[end].IsOp(_code, ";")))
        {
            end++;
        }
        while (end - start >= 2 && _tokens[start].IsOp(_code, "(") && Closer(start) == end - 1)
        {
            (start, end) = (start + 1, end - 1);
        }
        if (end <= start || _tokens.Skip(start).Take(end - start).Any(t => t.Kind != PyTokenKind.String))
        {
            return null;
        }
        var text = new StringBuilder();
        for (var i = start; i < end; i++)
        {
            var part = PyStringDecoder.Decode(_code, _tokens[i]);
            if (part.IsBytes || part.IsFormatted)
            {
                return null;
            }
            text.Append(part.Value);
        }
        return text.ToString();
    }

    /// <summary>Token ranges of the simple statements at module level: logical lines at indent 0, split at <c>;</c>.</summary>
    private IEnumerable<(int Start, int End)> ModuleStatements()
    {
        var i = 0;
        while (_tokens[i].Kind != PyTokenKind.End)
        {
            var atModuleLevel = _tokens[i].Indent == 0 && !CompoundKeywords.Contains(_tokens[i].Text(_code).ToString());
            var statementStart = i;
            for (; _tokens[i].Kind != PyTokenKind.Newline; i++)
            {
                if (_tokens[i].Depth == 0 && _tokens[i].IsOp(_code, ";"))
                {
                    if (atModuleLevel)
                    {
                        yield return (statementStart, i);
                    }
                    statementStart = i + 1;
                }
            }
            if (atModuleLevel && statementStart < i)
            {
                yield return (statementStart, i);
            }
            i++;
        }
    }

    private bool HasSecondTarget(int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var t = _tokens[i];
            if (t.Depth == 0 && t.IsName(_code, "lambda"))
            {
                return false;
            }
            if (t.Depth == 0 && t.IsOp(_code, "="))
            {
                return true;
            }
        }
        return false;
    }

    private int Closer(int open)
    {
        var depth = _tokens[open].Depth + 1;
        for (var i = open + 1; _tokens[i].Kind != PyTokenKind.End; i++)
        {
            if (_tokens[i].Depth == depth && _tokens[i].IsOp(_code, ")"))
            {
                return i;
            }
        }
        return -1;
    }
}
