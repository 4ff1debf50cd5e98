namespace Runwire.Core.Transformations.PyModules;

/// <summary>Dict and set displays for <see cref="PyLiteralParser"/>, with Python's key identity and hashability rules.</summary>
internal static class PyContainerParser
{
    public static PyValue Braces(PyLiteralParser parser)
    {
        parser.Expect("{");
        if (parser.TryTake("}"))
        {
            return new PyValue.Dict([]);
        }
        if (parser.Peek() is var unpack && parser.TryTake("**"))
        {
            throw PyTokenCursor.Malformed(unpack, "unpacking with * or ** is not a literal");
        }
        var firstToken = parser.Peek();
        var first = parser.Element();
        return parser.TryTake(":") ? Dict(parser, firstToken, first) : Set(parser, firstToken, first);
    }

    private static PyValue.Dict Dict(PyLiteralParser parser, PyToken firstToken, PyValue firstKey)
    {
        var entries = new List<KeyValuePair<PyValue, PyValue>>();
        var index = new Dictionary<PyValue, int>(PyKeyComparer.Instance);
        var (keyToken, key) = (firstToken, firstKey);
        while (true)
        {
            var value = parser.Element();
            if (PyKeyComparer.Unhashable(key) is { } type)
            {
                throw new PySyntaxException($"unhashable type: '{type}'", keyToken.Line, keyToken.Column);
            }
            if (index.TryGetValue(key, out var at))
            {
                entries[at] = new(entries[at].Key, value);
            }
            else
            {
                index[key] = entries.Count;
                entries.Add(new(key, value));
            }
            if (!parser.TryTake(","))
            {
                parser.Expect("}");
                return new PyValue.Dict(entries);
            }
            if (parser.TryTake("}"))
            {
                return new PyValue.Dict(entries);
            }
            keyToken = parser.Peek();
            if (parser.TryTake("**"))
            {
                throw PyTokenCursor.Malformed(keyToken, "unpacking with * or ** is not a literal");
            }
            key = parser.Element();
            parser.Expect(":");
        }
    }

    private static PyValue.Set Set(PyLiteralParser parser, PyToken firstToken, PyValue first)
    {
        var items = new List<PyValue>();
        var seen = new HashSet<PyValue>(PyKeyComparer.Instance);
        var (token, item) = (firstToken, first);
        while (true)
        {
            if (PyKeyComparer.Unhashable(item) is { } type)
            {
                throw new PySyntaxException($"unhashable type: '{type}'", token.Line, token.Column);
            }
            if (seen.Add(item))
            {
                items.Add(item);
            }
            if (!parser.TryTake(","))
            {
                parser.Expect("}");
                return new PyValue.Set(items);
            }
            if (parser.TryTake("}"))
            {
                return new PyValue.Set(items);
            }
            token = parser.Peek();
            item = parser.Element();
        }
    }
}
