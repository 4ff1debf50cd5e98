namespace Runwire.Core.Contracts.Pydantic;

/// <summary>
/// Python's <c>json.loads</c> (CPython's C scanner) with its error texts and positions, so a broken payload is
/// reported as hetida would report it. Nesting is limited to <see cref="MaxDepth"/> (Python would hit its recursion limit).
/// </summary>
internal sealed class PyJson
{
    public const int MaxDepth = 200;
    private readonly string _s;
    private int _depth;

    private PyJson(string s) => _s = s;

    public static PyNode Loads(ReadOnlySpan<byte> utf8) => Loads(Utf8Text.Decode(utf8));

    public static PyNode Loads(string text)
    {
        if (text.StartsWith('\ufeff'))
        {
            throw PyJsonErrors.Fail(text, "Unexpected UTF-8 BOM (decode using utf-8-sig)", 0);
        }
        var reader = new PyJson(text);
        var (node, end) = reader.Value(reader.SkipWhitespace(0));
        end = reader.SkipWhitespace(end);
        return end == text.Length ? node : throw PyJsonErrors.Fail(text, "Extra data", end);
    }

    private int SkipWhitespace(int i)
    {
        while (i < _s.Length && _s[i] is ' ' or '\t' or '\n' or '\r')
        {
            i++;
        }
        return i;
    }

    private (PyNode Node, int End) Value(int i)
    {
        if (i >= _s.Length)
        {
            throw PyJsonErrors.Fail(_s, "Expecting value", i);
        }
        switch (_s[i])
        {
            case '"':
                var (text, end) = PyJsonString.Scan(_s, i + 1);
                return (new PyStr(text), end);
            case '{':
                return Nested(() => Object(i + 1));
            case '[':
                return Nested(() => Array(i + 1));
        }
        foreach (var (word, node) in Literals)
        {
            if (string.CompareOrdinal(_s, i, word, 0, word.Length) == 0)
            {
                return (node, i + word.Length);
            }
        }
        return PyJsonNumber.Scan(_s, i);
    }

    private static readonly (string, PyNode)[] Literals =
    [
        ("null", PyNone.Instance), ("true", new PyBool(true)), ("false", new PyBool(false)),
        ("NaN", new PyFloat(double.NaN)), ("Infinity", new PyFloat(double.PositiveInfinity)),
        ("-Infinity", new PyFloat(double.NegativeInfinity)),
    ];

    private (PyNode Node, int End) Nested(Func<(PyNode, int)> parse)
    {
        if (++_depth > MaxDepth)
        {
            throw new PyJsonException($"JSON nested deeper than {MaxDepth} levels", "value_error.jsondecode");
        }
        var result = parse();
        _depth--;
        return result;
    }

    private (PyNode Node, int End) Object(int i)
    {
        var items = new List<KeyValuePair<string, PyNode>>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        i = SkipWhitespace(i);
        if (i < _s.Length && _s[i] == '}')
        {
            return (new PyDict(items), i + 1);
        }
        while (true)
        {
            if (i >= _s.Length || _s[i] != '"')
            {
                throw PyJsonErrors.Fail(_s, "Expecting property name enclosed in double quotes", i);
            }
            var (key, afterKey) = PyJsonString.Scan(_s, i + 1);
            i = SkipWhitespace(afterKey);
            if (i >= _s.Length || _s[i] != ':')
            {
                throw PyJsonErrors.Fail(_s, "Expecting ':' delimiter", i);
            }
            var (value, afterValue) = Value(SkipWhitespace(i + 1));
            if (positions.TryGetValue(key, out var at))
            {
                items[at] = new(key, value); // dict semantics: first position, last value
            }
            else
            {
                positions[key] = items.Count;
                items.Add(new(key, value));
            }
            i = SkipWhitespace(afterValue);
            if (i < _s.Length && _s[i] == '}')
            {
                return (new PyDict(items), i + 1);
            }
            if (i >= _s.Length || _s[i] != ',')
            {
                throw PyJsonErrors.Fail(_s, "Expecting ',' delimiter", i);
            }
            i = SkipWhitespace(i + 1);
        }
    }

    private (PyNode Node, int End) Array(int i)
    {
        var items = new List<PyNode>();
        i = SkipWhitespace(i);
        if (i < _s.Length && _s[i] == ']')
        {
            return (new PyList(items), i + 1);
        }
        while (true)
        {
            var (value, after) = Value(i);
            items.Add(value);
            i = SkipWhitespace(after);
            if (i < _s.Length && _s[i] == ']')
            {
                return (new PyList(items), i + 1);
            }
            if (i >= _s.Length || _s[i] != ',')
            {
                throw PyJsonErrors.Fail(_s, "Expecting ',' delimiter", i);
            }
            i = SkipWhitespace(i + 1);
        }
    }

}
