using System.Numerics;

namespace Runwire.Core.Transformations.PyModules;

/// <summary>A value <c>ast.literal_eval</c> can produce. Equality as Python sees it lives in <see cref="PyKeyComparer"/>.</summary>
internal abstract record PyValue
{
    /// <summary>Python's class name, for messages ("Object of type set is not JSON serializable").</summary>
    public abstract string TypeName { get; }

    public sealed record Str(string Value) : PyValue
    {
        public override string TypeName => "str";
    }

    /// <summary>One char per byte (0–255).</summary>
    public sealed record Bytes(string Value) : PyValue
    {
        public override string TypeName => "bytes";
    }

    public sealed record Int(BigInteger Value) : PyValue
    {
        public override string TypeName => "int";
    }

    public sealed record Float(double Value) : PyValue
    {
        public override string TypeName => "float";
    }

    public sealed record Complex(double Real, double Imag) : PyValue
    {
        public override string TypeName => "complex";
    }

    public sealed record Bool(bool Value) : PyValue
    {
        public override string TypeName => "bool";
    }

    public sealed record NoneType : PyValue
    {
        public static NoneType Instance { get; } = new();

        public override string TypeName => "NoneType";
    }

    public sealed record Ellipsis : PyValue
    {
        public static Ellipsis Instance { get; } = new();

        public override string TypeName => "ellipsis";
    }

    public sealed record List(IReadOnlyList<PyValue> Items) : PyValue
    {
        public override string TypeName => "list";
    }

    public sealed record Tuple(IReadOnlyList<PyValue> Items) : PyValue
    {
        public override string TypeName => "tuple";
    }

    /// <summary>Elements in first-seen order, without duplicates.</summary>
    public sealed record Set(IReadOnlyList<PyValue> Items) : PyValue
    {
        public override string TypeName => "set";
    }

    /// <summary>Entries in first-seen key order; a repeated key keeps its first position and takes the last value.</summary>
    public sealed record Dict(IReadOnlyList<KeyValuePair<PyValue, PyValue>> Items) : PyValue
    {
        public override string TypeName => "dict";

        public PyValue? Get(string key) => Items.FirstOrDefault(kv => kv.Key is Str s && s.Value == key).Value;

        public bool Has(string key) => Items.Any(kv => kv.Key is Str s && s.Value == key);
    }
}
