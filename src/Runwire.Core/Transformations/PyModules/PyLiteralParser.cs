namespace Runwire.Core.Transformations.PyModules;

/// <summary>
/// What <c>ast.literal_eval</c> accepts, read from tokens: str and bytes (implicitly concatenated), numbers, True, False,
/// None, <c>...</c>, tuples, lists, dicts, sets, <c>set()</c>, a sign on a number and <c>number ± imaginary</c>.
/// Anything else (names, calls, f-strings, other operators) is refused with its position, as hetida refuses it.
/// </summary>
internal sealed class PyLiteralParser : PyTokenCursor
{
    // How an expression was written matters to literal_eval's sign and complex rules, not only its value.
    private enum Form
    {
        Number,
        Signed,
        Other,
    }

    private PyLiteralParser(string source, List<PyToken> tokens, int start, int end)
        : base(source, tokens, start, end)
    {
    }

    /// <summary>Evaluates <c>tokens[start..end)</c> as one literal (a bare <c>a, b</c> is a tuple).</summary>
    public static PyValue Parse(string source, List<PyToken> tokens, int start, int end)
    {
        var parser = new PyLiteralParser(source, tokens, start, end);
        if (start >= end)
        {
            throw parser.Unexpected();
        }
        var value = parser.ExprList();
        return parser.AtEnd ? value : throw parser.Unexpected();
    }

    /// <summary>Evaluates a whole source text, e.g. a value given on its own.</summary>
    public static PyValue Parse(string source)
    {
        var tokens = PyTokenizer.Tokenize(source);
        return Parse(source, tokens, 0, tokens.FindIndex(t => t.Kind == PyTokenKind.Newline) is var n and >= 0 ? n : 0);
    }

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
            Position++;
            if (AtEnd)
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
            Position++;
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
            Position++;
            var operand = Unary(out var operandForm);
            if (operandForm is not Form.Number)
            {
                throw Malformed(sign, "a sign may only stand before a number");
            }
            form = Form.Signed;
            return sign.IsOp(Source, "+") ? operand : operand switch
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
        if (AtEnd)
        {
            throw Unexpected();
        }
        switch (token.Kind)
        {
            case PyTokenKind.Number:
                Position++;
                form = Form.Number;
                return PyNumberDecoder.Decode(Source, token);
            case PyTokenKind.String:
                return Strings();
            case PyTokenKind.Name:
                Position++;
                return token.Text(Source) switch
                {
                    "True" => new PyValue.Bool(true),
                    "False" => new PyValue.Bool(false),
                    "None" => PyValue.NoneType.Instance,
                    "set" when AtOp("(") && Next is { } next && next.IsOp(Source, ")") => EmptySet(),
                    var name => throw Malformed(token, $"the name '{name}' is not a literal"),
                };
            case PyTokenKind.Op when token.IsOp(Source, "..."):
                Position++;
                return PyValue.Ellipsis.Instance;
            case PyTokenKind.Op when token.IsOp(Source, "("):
                return Parenthesized(out form);
            case PyTokenKind.Op when token.IsOp(Source, "["):
                Position++;
                return new PyValue.List(Items("]"));
            case PyTokenKind.Op when token.IsOp(Source, "{"):
                return PyContainerParser.Braces(this);
            default:
                throw Unexpected();
        }
    }

    private PyValue.Set EmptySet()
    {
        Position += 2;
        return new PyValue.Set([]);
    }

    private PyValue Parenthesized(out Form form)
    {
        Position++;
        form = Form.Other;
        if (AtOp(")"))
        {
            Position++;
            return new PyValue.Tuple([]);
        }
        var first = Expr(out form);
        if (AtOp(")"))
        {
            Position++;
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
        Position++;
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

    private PyValue Strings()
    {
        var parts = new List<PyToken>();
        for (; !AtEnd && Current.Kind == PyTokenKind.String; Position++)
        {
            parts.Add(Current);
        }
        return PyStringDecoder.Concatenate(Source, parts);
    }

    private static (double Real, double Imag) Complex(PyValue number) => number switch
    {
        PyValue.Int i => ((double)i.Value, 0),
        PyValue.Float f => (f.Value, 0),
        PyValue.Complex c => (c.Real, c.Imag),
        _ => (0, 0),
    };
}
