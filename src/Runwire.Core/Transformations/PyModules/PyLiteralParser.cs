using System.Text;

namespace Runwire.Core.Transformations.PyModules;

/// <summary>
/// What <c>ast.literal_eval</c> accepts, read from tokens: str and bytes (implicitly concatenated), numbers, True, False,
/// None, <c>...</c>, tuples, lists, dicts, sets, <c>set()</c>, a sign on a number and <c>number ± imaginary</c>.
/// Anything else (names, calls, f-strings, other operators) is refused with its position, as hetida refuses it.
/// </summary>
internal sealed class PyLiteralParser
{
    // How an expression was written matters to literal_eval's sign and complex rules, not only its value.
    private enum Form
    {
        Number,
        Signed,
        Other,
    }

    private readonly string _s;
    private readonly List<PyToken> _tokens;
    private readonly int _end;
    private int _pos;

    private PyLiteralParser(string source, List<PyToken> tokens, int start, int end) => (_s, _tokens, _pos, _end) = (source, tokens, start, end);

    /// <summary>Evaluates <c>tokens[start..end)</c> as one literal (a bare <c>a, b</c> is a tuple).</summary>
    public static PyValue Parse(string source, List<PyToken> tokens, int start, int end)
    {
        var parser = new PyLiteralParser(source, tokens, start, end);
        if (start >= end)
        {
            throw parser.Unexpected();
        }
        var value = parser.ExprList();
        return parser._pos < end ? throw parser.Unexpected() : value;
    }

    /// <summary>Evaluates a whole source text, e.g. a value given on its own.</summary>
    public static PyValue Parse(string source)
    {
        var tokens = PyTokenizer.Tokenize(source);
        return Parse(source, tokens, 0, tokens.FindIndex(t => t.Kind == PyTokenKind.Newline) is var n and >= 0 ? n : 0);
    }

    private PyToken Current => _pos < _end ? _tokens[_pos] : _tokens[Math.Min(_end, _tokens.Count - 1)];

    private bool AtOp(string op) => _pos < _end && Current.IsOp(_s, op);

    private PyValue ExprList()
    {
        var first = Expr(out _);
        if (!AtOp(","))
        {
            return first;
        }
        var items = new List<PyValue> { first };
        while (AtOp(","))
        {
            _pos++;
            if (_pos >= _end)
            {
                break;
            }
            items.Add(Expr(out _));
        }
        return new PyValue.Tuple(items);
    }

    private PyValue Expr(out Form form)
    {
        var start = Current;
        var left = Unary(out form);
        while (AtOp("+") || AtOp("-"))
        {
            var minus = AtOp("-");
            _pos++;
            var right = Unary(out var rightForm);
            // literal_eval allows only (signed) number ± imaginary number, nothing longer.
            if (form is Form.Other || rightForm is not Form.Number || right is not PyValue.Complex c || left is PyValue.Bool)
            {
                throw Malformed(start, "only a complex number like 1+2j may use + or -");
            }
            var (re, im) = Complex(left);
            left = minus ? new PyValue.Complex(re - c.Real, im - c.Imag) : new PyValue.Complex(re + c.Real, im + c.Imag);
            form = Form.Other;
        }
        return left;
    }

    private PyValue Unary(out Form form)
    {
        if (AtOp("+") || AtOp("-"))
        {
            var sign = Current;
            _pos++;
            var operand = Unary(out var operandForm);
            if (operandForm is not Form.Number)
            {
                throw Malformed(sign, "a sign may only stand before a number");
            }
            form = Form.Signed;
            return sign.IsOp(_s, "+") ? operand : operand switch
            {
                PyValue.Int i => new PyValue.Int(-i.Value),
                PyValue.Float f => new PyValue.Float(-f.Value),
                PyValue.Complex c => new PyValue.Complex(-c.Real, -c.Imag),
                _ => operand,
            };
        }
        var atomStart = Current;
        var value = Atom(out form);
        if (AtOp("(") || AtOp("[") || AtOp("."))
        {
            throw Malformed(atomStart, "calls, subscripts and attributes are not literals");
        }
        return value;
    }

    private PyValue Atom(out Form form)
    {
        form = Form.Other;
        var token = Current;
        if (_pos >= _end)
        {
            throw Unexpected();
        }
        switch (token.Kind)
        {
            case PyTokenKind.Number:
                _pos++;
                form = Form.Number;
                return PyNumberDecoder.Decode(_s, token);
            case PyTokenKind.String:
                return Strings();
            case PyTokenKind.Name:
                _pos++;
                return token.Text(_s) switch
                {
                    "True" => new PyValue.Bool(true),
                    "False" => new PyValue.Bool(false),
                    "None" => PyValue.NoneType.Instance,
                    "set" when AtOp("(") && _pos + 1 < _end && _tokens[_pos + 1].IsOp(_s, ")") => EmptySet(),
                    var name => throw Malformed(token, $"the name '{name}' is not a literal"),
                };
            case PyTokenKind.Op when token.IsOp(_s, "..."):
                _pos++;
                return PyValue.Ellipsis.Instance;
            case PyTokenKind.Op when token.IsOp(_s, "("):
                return Parenthesized(out form);
            case PyTokenKind.Op when token.IsOp(_s, "["):
                _pos++;
                return new PyValue.List(Items("]"));
            case PyTokenKind.Op when token.IsOp(_s, "{"):
                return PyContainerParser.Braces(this);
            default:
                throw Unexpected();
        }
    }

    private PyValue.Set EmptySet()
    {
        _pos += 2;
        return new PyValue.Set([]);
    }

    private PyValue Parenthesized(out Form form)
    {
        _pos++;
        form = Form.Other;
        if (AtOp(")"))
        {
            _pos++;
            return new PyValue.Tuple([]);
        }
        var first = Expr(out form);
        if (AtOp(")"))
        {
            _pos++;
            return first;
        }
        Expect(",");
        form = Form.Other;
        return new PyValue.Tuple([first, .. Items(")")]);
    }

    /// <summary>Comma-separated expressions up to the closing bracket (a trailing comma allowed).</summary>
    internal List<PyValue> Items(string close)
    {
        var items = new List<PyValue>();
        while (!AtOp(close))
        {
            items.Add(Element());
            if (!AtOp(close))
            {
                Expect(",");
            }
        }
        _pos++;
        return items;
    }

    internal PyValue Element()
    {
        if (AtOp("*") || AtOp("**"))
        {
            throw Malformed(Current, "unpacking with * or ** is not a literal");
        }
        return Expr(out _);
    }

    internal bool TryTake(string op)
    {
        if (!AtOp(op))
        {
            return false;
        }
        _pos++;
        return true;
    }

    internal PyToken Peek() => Current;

    internal void Expect(string op)
    {
        if (!TryTake(op))
        {
            throw Unexpected();
        }
    }

    private PyValue Strings()
    {
        var first = Current;
        var text = new StringBuilder();
        bool? bytes = null;
        var formatted = false;
        while (_pos < _end && Current.Kind == PyTokenKind.String)
        {
            var part = PyStringDecoder.Decode(_s, Current);
            if (bytes is not null && bytes != part.IsBytes)
            {
                throw new PySyntaxException("cannot mix bytes and nonbytes literals", Current.Line, Current.Column);
            }
            bytes = part.IsBytes;
            formatted |= part.IsFormatted;
            text.Append(part.Value);
            _pos++;
        }
        return formatted
            ? throw Malformed(first, "an f-string is not a literal")
            : bytes == true ? new PyValue.Bytes(text.ToString()) : new PyValue.Str(text.ToString());
    }

    private static (double Real, double Imag) Complex(PyValue number) => number switch
    {
        PyValue.Int i => ((double)i.Value, 0),
        PyValue.Float f => (f.Value, 0),
        PyValue.Complex c => (c.Real, c.Imag),
        _ => (0, 0),
    };

    internal static PySyntaxException Malformed(PyToken at, string why) => new($"not a literal ({why})", at.Line, at.Column);

    internal PySyntaxException Unexpected()
    {
        var token = Current;
        var what = _pos >= _end || token.Kind is PyTokenKind.Newline or PyTokenKind.End ? "end of the value" : $"'{token.Text(_s)}'";
        return new PySyntaxException($"unexpected {what}: not a Python literal", token.Line, token.Column);
    }
}
