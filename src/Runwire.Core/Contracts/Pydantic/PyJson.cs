using System.Globalization;
using System.Numerics;

namespace Runwire.Core.Contracts.Pydantic;

/// <summary>
/// Python's <c>json.loads</c> (CPython's C scanner) with its error texts and positions, so a broken payload is
/// reported as hetida would report it. Nesting is limited to <see cref="MaxDepth"/> (Python would hit its recursion limit).
/// </summary>
internal sealed class PyJson
{
    public const int MaxDepth = 200;
    private const int MaxIntDigits = 4300; // CPython's sys.get_int_max_str_digits()
    private readonly string _s;
    private int _depth;

    private PyJson(string s) => _s = s;

    public static PyNode Loads(ReadOnlySpan<byte> utf8) => Loads(Utf8Text.Decode(utf8));

    public static PyNode Loads(string text)
    {
        if (text.StartsWith('\ufeff'))
        {
            throw Fail(text, "Unexpected UTF-8 BOM (decode using utf-8-sig)", 0);
        }
        var reader = new PyJson(text);
        var (node, end) = reader.Value(reader.SkipWhitespace(0));
        end = reader.SkipWhitespace(end);
        return end == text.Length ? node : throw Fail(text, "Extra data", end);
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
            throw Fail(_s, "Expecting value", i);
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
        return Number(i);
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
                throw Fail(_s, "Expecting property name enclosed in double quotes", i);
            }
            var (key, afterKey) = PyJsonString.Scan(_s, i + 1);
            i = SkipWhitespace(afterKey);
            if (i >= _s.Length || _s[i] != ':')
            {
                throw Fail(_s, "Expecting ':' delimiter", i);
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
                throw Fail(_s, "Expecting ',' delimiter", i);
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
                throw Fail(_s, "Expecting ',' delimiter", i);
            }
            i = SkipWhitespace(i + 1);
        }
    }

    private (PyNode Node, int End) Number(int start)
    {
        var i = start;
        if (i < _s.Length && _s[i] == '-')
        {
            i++;
        }
        if (i < _s.Length && _s[i] is >= '1' and <= '9')
        {
            i = Digits(i);
        }
        else if (i < _s.Length && _s[i] == '0')
        {
            i++;
        }
        else
        {
            throw Fail(_s, "Expecting value", start);
        }
        var isFloat = false;
        if (i + 1 < _s.Length && _s[i] == '.' && char.IsAsciiDigit(_s[i + 1]))
        {
            i = Digits(i + 1);
            isFloat = true;
        }
        if (i < _s.Length && _s[i] is 'e' or 'E')
        {
            var e = i + 1;
            if (e < _s.Length && _s[e] is '+' or '-')
            {
                e++;
            }
            if (e < _s.Length && char.IsAsciiDigit(_s[e]))
            {
                i = Digits(e);
                isFloat = true;
            }
        }
        var text = _s[start..i];
        if (isFloat)
        {
            return (new PyFloat(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)), i);
        }
        var digits = text.TrimStart('-').Length;
        if (digits > MaxIntDigits)
        {
            throw new PyJsonException(
                $"Exceeds the limit ({MaxIntDigits} digits) for integer string conversion: value has {digits} digits; "
                + "use sys.set_int_max_str_digits() to increase the limit", "value_error");
        }
        return (new PyInt(BigInteger.Parse(text, CultureInfo.InvariantCulture)), i);
    }

    private int Digits(int i)
    {
        while (i < _s.Length && char.IsAsciiDigit(_s[i]))
        {
            i++;
        }
        return i;
    }

    /// <summary>Python's <c>JSONDecodeError</c> text; positions count code points, as Python's str does.</summary>
    internal static PyJsonException Fail(string s, string msg, int index)
    {
        var pos = CodePoints(s, 0, index);
        var lastNewline = s.LastIndexOf('\n', Math.Max(0, Math.Min(index, s.Length) - 1));
        var line = 1 + s.AsSpan(0, Math.Min(index, s.Length)).Count('\n');
        var column = lastNewline < 0 || index == 0 ? pos + 1 : CodePoints(s, lastNewline, index);
        return new PyJsonException($"{msg}: line {line} column {column} (char {pos})", "value_error.jsondecode");
    }

    private static int CodePoints(string s, int from, int to)
    {
        var count = 0;
        for (var i = from; i < to && i < s.Length; i++)
        {
            if (!(char.IsLowSurrogate(s[i]) && i > 0 && char.IsHighSurrogate(s[i - 1])))
            {
                count++;
            }
        }
        return count;
    }
}
