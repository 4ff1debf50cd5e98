using System.Numerics;

namespace Runwire.Core.Contracts.Pydantic;

// The values Python's json.loads produces. Decoding works on these rather than on System.Text.Json's DOM because
// hetida's rules are Python's: arbitrary-size ints, NaN/Infinity tokens, duplicate keys (last wins), lone surrogates.
internal abstract record PyNode
{
    /// <summary>Python's class name, as pydantic puts it into messages ("expected dict not list").</summary>
    public abstract string PyTypeName { get; }
}

internal sealed record PyStr(string Value) : PyNode
{
    public override string PyTypeName => "str";
}

internal sealed record PyInt(BigInteger Value) : PyNode
{
    public override string PyTypeName => "int";
}

internal sealed record PyFloat(double Value) : PyNode
{
    public override string PyTypeName => "float";
}

internal sealed record PyBool(bool Value) : PyNode
{
    public override string PyTypeName => "bool";
}

internal sealed record PyNone : PyNode
{
    public static PyNone Instance { get; } = new();

    public override string PyTypeName => "NoneType";
}

internal sealed record PyList(IReadOnlyList<PyNode> Items) : PyNode
{
    public override string PyTypeName => "list";
}

/// <summary>A JSON object: keys in first-seen order, the last duplicate's value wins (Python dict semantics).</summary>
internal sealed record PyDict(IReadOnlyList<KeyValuePair<string, PyNode>> Items) : PyNode
{
    private Dictionary<string, PyNode>? _index;

    public override string PyTypeName => "dict";

    public PyNode? Get(string key)
    {
        _index ??= Items.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        return _index.GetValueOrDefault(key);
    }

    public bool Has(string key) => Get(key) is not null;
}
