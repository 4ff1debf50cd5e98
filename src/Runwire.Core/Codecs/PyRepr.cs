using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Runwire.Core.Codecs;

/// <summary>Python's <c>repr()</c> of engine values (dicts, lists and strings in Python's literal form).</summary>
internal static class PyRepr
{
    public static string Of(object? value)
    {
        var text = new StringBuilder();
        Append(text, value);
        return text.ToString();
    }

    private static void Append(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("None");
                break;
            case bool b:
                text.Append(b ? "True" : "False");
                break;
            case long or int:
                text.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case double d:
                text.Append(PyFormat.Repr(d));
                break;
            case string s:
                AppendString(text, s);
                break;
            case DateTime t:
                // pandas.Timestamp.__repr__
                var stamp = PyFormat.IsoFormat(t, ' ');
                text.Append(t.Kind == DateTimeKind.Utc ? $"Timestamp('{stamp[..^6]}+0000', tz='UTC')" : $"Timestamp('{stamp}')");
                break;
            case JsonObject obj:
                text.Append('{');
                var first = true;
                foreach (var (key, item) in obj)
                {
                    text.Append(first ? "" : ", ");
                    first = false;
                    AppendString(text, key);
                    text.Append(": ");
                    Append(text, item);
                }
                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    text.Append(i == 0 ? "" : ", ");
                    Append(text, array[i]);
                }
                text.Append(']');
                break;
            case JsonValue node:
                Append(text, Unwrap(node));
                break;
            default:
                text.Append(value);
                break;
        }
    }

    private static object? Unwrap(JsonValue node) => node.GetValueKind() switch
    {
        JsonValueKind.String => (object)node.GetValue<string>(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when node.TryGetValue<long>(out var l) => l,
        JsonValueKind.Number => node.GetValue<double>(),
        _ => null,
    };

    private static void AppendString(StringBuilder text, string s)
    {
        var quote = s.Contains('\'', StringComparison.Ordinal) && !s.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        text.Append(quote);
        foreach (var c in s)
        {
            switch (c)
            {
                case '\\': text.Append(@"\\"); break;
                case '\n': text.Append(@"\n"); break;
                case '\r': text.Append(@"\r"); break;
                case '\t': text.Append(@"\t"); break;
                default:
                    if (c == quote)
                    {
                        text.Append('\\').Append(c);
                    }
                    else if (c < ' ' || c is >= '\x7f' and <= '\xa0')
                    {
                        text.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
                    }
                    else
                    {
                        text.Append(c);
                    }
                    break;
            }
        }
        text.Append(quote);
    }
}
