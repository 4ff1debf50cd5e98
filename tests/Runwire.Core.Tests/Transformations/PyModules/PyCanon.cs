using Runwire.Core.Codecs;
using Runwire.Core.Transformations.PyModules;

namespace Runwire.Core.Tests.Transformations.PyModules;

/// <summary>
/// A literal's value as one comparable string, the same notation the reference script used on CPython's
/// <c>ast.literal_eval</c> results: s"json", b&lt;hex&gt;, i123, f&lt;repr&gt;, c(re,im), [..], (..), set{sorted}, dict{k:v}.
/// </summary>
internal static class PyCanon
{
    public static string Of(PyValue value) => value switch
    {
        PyValue.Str s => "s" + PyValueJson.Dumps(s),
        PyValue.Bytes b => "b" + Convert.ToHexStringLower([.. b.Value.Select(c => (byte)c)]),
        PyValue.Bool b => b.Value ? "True" : "False",
        PyValue.Int i => "i" + i.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        PyValue.Float f => "f" + Repr(f.Value),
        PyValue.Complex c => $"c({Repr(c.Real)},{Repr(c.Imag)})",
        PyValue.NoneType => "None",
        PyValue.Ellipsis => "...",
        PyValue.List l => "[" + string.Join(",", l.Items.Select(Of)) + "]",
        PyValue.Tuple t => "(" + string.Join(",", t.Items.Select(Of)) + ")",
        PyValue.Set s => "set{" + string.Join(",", s.Items.Select(Of).Order(StringComparer.Ordinal)) + "}",
        PyValue.Dict d => "dict{" + string.Join(",", d.Items.Select(kv => Of(kv.Key) + ":" + Of(kv.Value))) + "}",
        _ => throw new ArgumentException(value.TypeName),
    };

    private static string Repr(double value)
    {
        Span<char> text = stackalloc char[FloatRepr.MaxLength];
        return text[..FloatRepr.Format(value, text)].ToString();
    }
}
