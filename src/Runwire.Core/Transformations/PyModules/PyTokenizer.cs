namespace Runwire.Core.Transformations.PyModules;

/// <summary>
/// Splits Python source into tokens the way CPython's tokenizer does, as far as finding module-level statements needs:
/// comments, blank lines, backslash continuations, newlines inside brackets and every string form are handled; string
/// and number tokens are only delimited here (<see cref="PyStringDecoder"/>, <see cref="PyNumberDecoder"/> read them).
/// </summary>
internal sealed class PyTokenizer
{
    private readonly string _s;
    private readonly List<PyToken> _tokens = [];
    private readonly PyBrackets _brackets;
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private int _indent = -1;

    private PyTokenizer(string source) => (_s, _brackets) = (source, new PyBrackets(source));

    public static List<PyToken> Tokenize(string source)
    {
        var tokenizer = new PyTokenizer(source);
        tokenizer.Run();
        return tokenizer._tokens;
    }

    private void Run()
    {
        if (_s.Length > 0 && _s[0] == '\uFEFF')
        {
            // ast.parse refuses a str that starts with a byte order mark, and hetida reads .py files without removing it.
            throw Error("invalid non-printable character U+FEFF (a UTF-8 byte order mark)", 0);
        }
        while (true)
        {
            if (_brackets.Depth == 0 && _indent < 0 && !AtLogicalLine())
            {
                SkipBlankLine();
                continue;
            }
            SkipSpaces();
            if (_pos >= _s.Length)
            {
                break;
            }
            var c = _s[_pos];
            if (c == '#')
            {
                _pos = _s.IndexOf('\n', _pos) is var eol and >= 0 ? eol : _s.Length;
            }
            else if (c == '\\')
            {
                if (_pos + 1 >= _s.Length || _s[_pos + 1] != '\n')
                {
                    throw Error("unexpected character after line continuation character", _pos);
                }
                _pos++;
                NewLine();
            }
            else if (c == '\n')
            {
                if (_brackets.Depth == 0)
                {
                    Add(PyTokenKind.Newline, _pos, _pos + 1);
                    _indent = -1;
                }
                NewLine();
            }
            else
            {
                Token(c);
            }
        }
        _brackets.CheckAllClosed();
        if (_tokens.Count > 0 && _tokens[^1].Kind != PyTokenKind.Newline)
        {
            Add(PyTokenKind.Newline, _pos, _pos);
        }
        Add(PyTokenKind.End, _pos, _pos);
    }

    /// <summary>At the start of a physical line outside brackets: true when the line holds code, and its indent is noted.</summary>
    private bool AtLogicalLine()
    {
        var p = _pos;
        while (p < _s.Length && _s[p] is ' ' or '\t' or '\f')
        {
            p++;
        }
        if (p >= _s.Length || _s[p] is '\n' or '#' || (_s[p] == '\\' && p + 1 < _s.Length && _s[p + 1] == '\n'))
        {
            return false;
        }
        // A form feed resets the indentation count, as in CPython's tokenizer.
        var lineStart = p > _lineStart ? Math.Max(_lineStart, _s.LastIndexOf('\f', p - 1, p - _lineStart) + 1) : p;
        _indent = p - lineStart;
        _pos = p;
        return true;
    }

    private void SkipBlankLine()
    {
        _pos = _s.IndexOf('\n', _pos) is var eol and >= 0 ? eol : _s.Length;
        if (_pos >= _s.Length)
        {
            _indent = 0;
            return;
        }
        NewLine();
    }

    private void SkipSpaces()
    {
        while (_pos < _s.Length && _s[_pos] is ' ' or '\t' or '\f')
        {
            _pos++;
        }
    }

    private void NewLine()
    {
        _pos++;
        _line++;
        _lineStart = _pos;
    }

    private void Token(char c)
    {
        var start = _pos;
        if (char.IsAsciiDigit(c) || (c == '.' && _pos + 1 < _s.Length && char.IsAsciiDigit(_s[_pos + 1])))
        {
            _pos = PyLexemes.NumberEnd(_s, _pos);
            Add(PyTokenKind.Number, start, _pos);
        }
        else if (c is '"' or '\'')
        {
            String(start);
        }
        else if (PyLexemes.IsNameChar(c) && !char.IsAsciiDigit(c))
        {
            while (_pos < _s.Length && PyLexemes.IsNameChar(_s[_pos]))
            {
                _pos++;
            }
            if (_pos < _s.Length && _s[_pos] is '"' or '\'' && PyStringDecoder.IsPrefix(_s.AsSpan(start, _pos - start)))
            {
                String(start);
                return;
            }
            Add(PyTokenKind.Name, start, _pos);
        }
        else
        {
            Operator(c);
        }
    }

    private void String(int start)
    {
        var end = PyLexemes.StringEnd(_s, _pos, _line, start - _lineStart + 1);
        _tokens.Add(new PyToken(PyTokenKind.String, start, end, _line, start - _lineStart + 1, _brackets.Depth, TakeIndent()));
        for (; _pos < end; _pos++)
        {
            if (_s[_pos] == '\n')
            {
                _line++;
                _lineStart = _pos + 1;
            }
        }
    }

    private void Operator(char c)
    {
        var start = _pos;
        var op = PyLexemes.Operator(_s, _pos) ?? throw Error($"invalid character '{c}' (U+{(int)c:X4})", _pos);
        _pos += op.Length;
        if (PyBrackets.IsClosing(op))
        {
            _brackets.Close(op, _line, start - _lineStart + 1);
        }
        var token = Add(PyTokenKind.Op, start, _pos);
        if (PyBrackets.IsOpening(op))
        {
            _brackets.Open(token);
        }
    }

    private PyToken Add(PyTokenKind kind, int start, int end)
    {
        var depth = kind == PyTokenKind.Op && _s[start] is ')' or ']' or '}' ? _brackets.Depth + 1 : _brackets.Depth;
        var token = new PyToken(kind, start, end, _line, start - _lineStart + 1, depth, kind == PyTokenKind.Newline ? -1 : TakeIndent());
        _tokens.Add(token);
        return token;
    }

    private int TakeIndent() => _tokens.Count > 0 && _tokens[^1].Kind != PyTokenKind.Newline ? -1 : _indent;

    private PySyntaxException Error(string problem, int position) => new(problem, _line, position - _lineStart + 1);
}
