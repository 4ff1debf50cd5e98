using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Runwire.Core.Codecs;

namespace Runwire.Core.Transformations.PyModules;

/// <summary>Literal values as JSON: Python's <c>json.dumps</c> text, or a JSON tree where JSON can hold the value.</summary>
internal static class PyValueJson
{
    /// <summary>
    /// <c>json.dumps(value)</c> with its defaults: ", " and ": " separators, ASCII only, NaN/Infinity tokens,
    /// tuples as lists, int/float/bool/None keys as strings.
    /// </summary>
    /// <exception cref="ArgumentException">Python's TypeError: the value (or a key) has no JSON form.</exception>
    public static string Dumps(PyValue value)
    {
        var sb = new StringBuilder();
        Write(sb, value);
        return sb.ToString();
    }

    /// <summary>The value as a JSON tree; null when it has none (bytes, sets, complex, non-finite floats, non-string keys).</summary>
    public static JsonNode? ToNode(PyValue value, out bool ok)
    {
        ok = true;
        switch (value)
        {
            case PyValue.NoneType:
                return null;
            case PyValue.Str s:
                return JsonValue.Create(s.Value);
            case PyValue.Bool b:
                return JsonValue.Create(b.Value);
            case PyValue.Int i when i.Value >= long.MinValue && i.Value <= long.MaxValue:
                return JsonValue.Create((long)i.Value);
            case PyValue.Float f when double.IsFinite(f.Value):
                return JsonValue.Create(f.Value);
            case PyValue.List or PyValue.Tuple:
                var array = new JsonArray();
                foreach (var item in value is PyValue.List l ? l.Items : ((PyValue.Tuple)value).Items)
                {
                    array.Add(ToNode(item, out var itemOk));
                    ok &= itemOk;
                }
                return array;
            case PyValue.Dict d when d.Items.All(kv => kv.Key is PyValue.Str):
                var obj = new JsonObject();
                foreach (var (key, item) in d.Items)
                {
                    obj[((PyValue.Str)key).Value] = ToNode(item, out var itemOk);
                    ok &= itemOk;
                }
                return obj;
            default:
                ok = false;
                return null;
        }
    }

    private static void Write(StringBuilder sb, PyValue value)
    {
        switch (value)
        {
            case PyValue.Str s:
                String(sb, s.Value);
                break;
            case PyValue.List or PyValue.Tuple:
                sb.Append('[');
                var items = value is PyValue.List l ? l.Items : ((PyValue.Tuple)value).Items;
                for (var i = 0; i < items.Count; i++)
                {
                    sb.Append(i == 0 ? "" : ", ");
                    Write(sb, items[i]);
                }
                sb.Append(']');
                break;
            case PyValue.Dict d:
                sb.Append('{');
                for (var i = 0; i < d.Items.Count; i++)
                {
                    sb.Append(i == 0 ? "" : ", ");
                    String(sb, Key(d.Items[i].Key));
                    sb.Append(": ");
                    Write(sb, d.Items[i].Value);
                }
                sb.Append('}');
                break;
            default:
                sb.Append(Scalar(value) ?? throw new ArgumentException($"Object of type {value.TypeName} is not JSON serializable"));
                break;
        }
    }

    private static string Key(PyValue key) => key is PyValue.Str s
        ? s.Value
        : Scalar(key) ?? throw new ArgumentException($"keys must be str, int, float, bool or None, not {key.TypeName}");

    private static string? Scalar(PyValue value) => value switch
    {
        PyValue.NoneType => "null",
        PyValue.Bool b => b.Value ? "true" : "false",
        PyValue.Int i => i.Value.ToString(CultureInfo.InvariantCulture),
        PyValue.Float f => Float(f.Value),
        _ => null,
    };

    private static string Float(double value)
    {
        if (!double.IsFinite(value))
        {
            return double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
        }
        Span<char> text = stackalloc char[FloatRepr.MaxLength];
        return text[..FloatRepr.Format(value, text)].ToString();
    }

    private static void String(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            _ = c switch
            {
                '"' => sb.Append("\\\""),
                '\\' => sb.Append("\\\\"),
                '\n' => sb.Append("\\n"),
                '\r' => sb.Append("\\r"),
                '\t' => sb.Append("\\t"),
                '\b' => sb.Append("\\b"),
                '\f' => sb.Append("\\f"),
                < ' ' or > '~' => sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => sb.Append(c),
            };
        }
        sb.Append('"');
    }
}
