namespace Runwire.Core.Transformations.PyModules;

/// <summary>
/// Splits Python source into tokens the way CPython's tokenizer does, as far as finding module-level statements needs:
/// comments, blank lines, backslash continuations, newlines inside brackets and every string form are handled; string
/// and number tokens are only delimited here (<see cref="PyStringDecoder"/>, <see cref="PyNumberDecoder"/> read them).
/// </summary>
internal sealed class PyTokenizer
{
    private static readonly string[] Operators =
    [
        "**=", "//=", ">>=", "<<=", "...", "->", ":=", "==", "!=", "<=", ">=", "**", "//", "<<", ">>",
        "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
        "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "+", "-", "*", "/", "%", "&", "|", "^", "~", "<", ">", "=", "@",
    ];

    private readonly string _s;
    private readonly List<PyToken> _tokens = [];
    private readonly Stack<PyToken> _open = new();
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private int _indent = -1;

    private PyTokenizer(string source) => _s = source;

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
            if (_open.Count == 0 && _indent < 0 && !AtLogicalLine())
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
                while (_pos < _s.Length && _s[_pos] != '\n')
                {
                    _pos++;
                }
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
                if (_open.Count == 0)
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
        if (_open.TryPeek(out var unclosed))
        {
            throw new PySyntaxException($"'{unclosed.Text(_s)}' was never closed", unclosed.Line, unclosed.Column);
        }
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
        while (_pos < _s.Length && _s[_pos] != '\n')
        {
            _pos++;
        }
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
            Number();
            Add(PyTokenKind.Number, start, _pos);
        }
        else if (c is '"' or '\'')
        {
            String(start);
        }
        else if (IsNameChar(c) && !char.IsAsciiDigit(c))
        {
            while (_pos < _s.Length && IsNameChar(_s[_pos]))
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

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || (c >= 0x80 && !char.IsWhiteSpace(c));

    private void Number()
    {
        var radix = _s[_pos] == '0' && _pos + 1 < _s.Length && _s[_pos + 1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B';
        while (_pos < _s.Length && (char.IsAsciiLetterOrDigit(_s[_pos]) || _s[_pos] is '_' or '.'))
        {
            var exponent = !radix && _s[_pos] is 'e' or 'E';
            _pos++;
            if (exponent && _pos + 1 < _s.Length && _s[_pos] is '+' or '-' && char.IsAsciiDigit(_s[_pos + 1]))
            {
                _pos++;
            }
        }
    }

    private void String(int start)
    {
        var quote = _s[_pos];
        var triple = _pos + 2 < _s.Length && _s[_pos + 1] == quote && _s[_pos + 2] == quote;
        var (line, column) = (_line, start - _lineStart + 1);
        _pos += triple ? 3 : 1;
        while (true)
        {
            if (_pos >= _s.Length || (!triple && _s[_pos] == '\n'))
            {
                var what = triple ? "unterminated triple-quoted string literal" : "unterminated string literal";
                throw new PySyntaxException($"{what} (detected at line {_line})", line, column);
            }
            var c = _s[_pos];
            if (c == '\\' && _pos + 1 < _s.Length)
            {
                _pos++;
                if (_s[_pos] == '\n')
                {
                    NewLine();
                    continue;
                }
            }
            else if (c == '\n')
            {
                NewLine();
                continue;
            }
            else if (c == quote && (!triple || (_pos + 2 < _s.Length && _s[_pos + 1] == quote && _s[_pos + 2] == quote)))
            {
                _pos += triple ? 3 : 1;
                _tokens.Add(new PyToken(PyTokenKind.String, start, _pos, line, column, _open.Count, TakeIndent()));
                return;
            }
            _pos++;
        }
    }

    private void Operator(char c)
    {
        var start = _pos;
        var op = Array.Find(Operators, o => _s.AsSpan(_pos).StartsWith(o, StringComparison.Ordinal))
            ?? throw Error($"invalid character '{c}' (U+{(int)c:X4})", _pos);
        _pos += op.Length;
        if (op is ")" or "]" or "}")
        {
            if (!_open.TryPop(out var opener))
            {
                throw Error($"unmatched '{op}'", start);
            }
            var expected = opener.Text(_s) switch { "(" => ")", "[" => "]", _ => "}" };
            if (op != expected)
            {
                throw Error($"closing parenthesis '{op}' does not match opening parenthesis '{opener.Text(_s)}' on line {opener.Line}", start);
            }
        }
        var token = Add(PyTokenKind.Op, start, _pos);
        if (op is "(" or "[" or "{")
        {
            _open.Push(token);
        }
    }

    private PyToken Add(PyTokenKind kind, int start, int end)
    {
        var depth = kind == PyTokenKind.Op && _s[start] is ')' or ']' or '}' ? _open.Count + 1 : _open.Count;
        var token = new PyToken(kind, start, end, _line, start - _lineStart + 1, depth, kind == PyTokenKind.Newline ? -1 : TakeIndent());
        _tokens.Add(token);
        return token;
    }

    private int TakeIndent()
    {
        if (_tokens.Count > 0 && _tokens[^1].Kind != PyTokenKind.Newline)
        {
            return -1;
        }
        return _indent;
    }

    private PySyntaxException Error(string problem, int position) => new(problem, _line, position - _lineStart + 1);
}
