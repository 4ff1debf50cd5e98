using System.Numerics;

namespace Runwire.Core.Transformations.PyModules;

/// <summary>
/// Python's <c>==</c> and <c>hash</c> for dict keys and set elements: <c>1</c>, <c>1.0</c>, <c>True</c> and <c>(1+0j)</c>
/// are one key, ints and floats compare exactly (not through a float), str and bytes never match.
/// </summary>
internal sealed class PyKeyComparer : IEqualityComparer<PyValue>
{
    public static PyKeyComparer Instance { get; } = new();

    /// <summary>The type that makes a value unhashable (list, dict, set, also inside a tuple), or null.</summary>
    public static string? Unhashable(PyValue value) => value switch
    {
        PyValue.List or PyValue.Dict or PyValue.Set => value.TypeName,
        PyValue.Tuple t => t.Items.Select(Unhashable).FirstOrDefault(u => u is not null),
        _ => null,
    };

    public bool Equals(PyValue? x, PyValue? y) => (x, y) switch
    {
        (PyValue.Str a, PyValue.Str b) => a.Value == b.Value,
        (PyValue.Bytes a, PyValue.Bytes b) => a.Value == b.Value,
        (PyValue.Tuple a, PyValue.Tuple b) => a.Items.Count == b.Items.Count && a.Items.Zip(b.Items).All(p => Equals(p.First, p.Second)),
        (PyValue.NoneType, PyValue.NoneType) or (PyValue.Ellipsis, PyValue.Ellipsis) => true,
        _ when Number(x) is { } a && Number(y) is { } b => SameReal(a.Real, b.Real) && a.Imag.Equals(b.Imag),
        _ => false,
    };

    public int GetHashCode(PyValue obj) => obj switch
    {
        PyValue.Str s => s.Value.GetHashCode(StringComparison.Ordinal),
        PyValue.Bytes b => HashCode.Combine(1, b.Value.GetHashCode(StringComparison.Ordinal)),
        PyValue.Tuple t => t.Items.Aggregate(7, (h, item) => HashCode.Combine(h, GetHashCode(item))),
        _ when Number(obj) is { } n => n.Imag != 0 ? HashCode.Combine(Hash(n.Real), n.Imag) : Hash(n.Real),
        _ => obj.GetType().GetHashCode(),
    };

    /// <summary>A number's real part (exact int, or float) and imaginary part.</summary>
    private static (object Real, double Imag)? Number(PyValue? value) => value switch
    {
        PyValue.Bool b => (new BigInteger(b.Value ? 1 : 0), 0.0),
        PyValue.Int i => (i.Value, 0.0),
        PyValue.Float f => (f.Value, 0.0),
        PyValue.Complex c => (c.Real, c.Imag),
        _ => null,
    };

    private static bool SameReal(object a, object b) => (a, b) switch
    {
        (BigInteger x, BigInteger y) => x == y,
        (double x, double y) => x.Equals(y) && !double.IsNaN(x),
        (BigInteger x, double y) => IsIntegral(y) && x == new BigInteger(y),
        (double x, BigInteger y) => IsIntegral(x) && new BigInteger(x) == y,
        _ => false,
    };

    private static int Hash(object real) => real switch
    {
        BigInteger i => i.GetHashCode(),
        double d when IsIntegral(d) => new BigInteger(d).GetHashCode(),
        double d => d.GetHashCode(),
        _ => 0,
    };

    private static bool IsIntegral(double d) => double.IsFinite(d) && d == Math.Floor(d);
}
