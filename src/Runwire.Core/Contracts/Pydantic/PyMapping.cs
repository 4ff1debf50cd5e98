namespace Runwire.Core.Contracts.Pydantic;

/// <summary>
/// Python's <c>dict(value)</c>, which pydantic v1 applies to non-dict values of dict fields and nested models:
/// a list of pairs (2-item lists, 2-character strings, 2-key objects) or an empty string also make a dict.
/// </summary>
internal static class PyMapping
{
    public static IReadOnlyList<(PyNode Key, PyNode Value)>? Coerce(PyNode node)
    {
        switch (node)
        {
            case PyDict dict:
                return [.. dict.Items.Select(kv => ((PyNode)new PyStr(kv.Key), kv.Value))];
            case PyStr { Value.Length: 0 }:
                return [];
            case PyList list:
                var pairs = new List<(PyNode, PyNode)>();
                var positions = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var item in list.Items)
                {
                    if (Pair(item) is not { } pair || Identity(pair.Key, pairs.Count) is not { } identity)
                    {
                        return null;
                    }
                    if (positions.TryGetValue(identity, out var at))
                    {
                        pairs[at] = (pairs[at].Item1, pair.Value); // Python keeps the first key object, takes the last value
                    }
                    else
                    {
                        positions[identity] = pairs.Count;
                        pairs.Add(pair);
                    }
                }
                return pairs;
            default:
                return null;
        }
    }

    private static (PyNode Key, PyNode Value)? Pair(PyNode item) => item switch
    {
        PyList { Items.Count: 2 } l => (l.Items[0], l.Items[1]),
        PyDict { Items.Count: 2 } d => (new PyStr(d.Items[0].Key), new PyStr(d.Items[1].Key)),
        PyStr s when PyParse.CodePointCount(s.Value) == 2 => Chars(s.Value),
        _ => null,
    };

    private static (PyNode, PyNode) Chars(string s)
    {
        var split = char.IsSurrogatePair(s, 0) ? 2 : 1;
        return (new PyStr(s[..split]), new PyStr(s[split..]));
    }

    /// <summary>Python's dict-key identity: 1, 1.0 and true are one key; lists and dicts are unhashable (null).</summary>
    private static string? Identity(PyNode key, int position) => key switch
    {
        PyStr s => "s" + s.Value,
        PyNone => "n",
        PyBool b => b.Value ? "i1" : "i0",
        PyInt i => "i" + i.Value,
        PyFloat f when double.IsNaN(f.Value) => "nan" + position,
        PyFloat f when double.IsFinite(f.Value) && Math.Floor(f.Value) == f.Value => "i" + new System.Numerics.BigInteger(f.Value),
        PyFloat f => "f" + BitConverter.DoubleToInt64Bits(f.Value),
        _ => null,
    };
}
