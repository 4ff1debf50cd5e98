using System.Globalization;
using System.Text;

namespace Runwire.Core.Contracts.Pydantic;

/// <summary>
/// Python's <c>json.dumps(value, indent=2)</c> (ensure_ascii, ", " free item separator with newlines, ": ").
/// Values: null, bool, string, long, Guid, ordered dicts (<c>IEnumerable&lt;KeyValuePair&lt;string, object?&gt;&gt;</c>), lists.
/// </summary>
internal static class PyJsonDumps
{
    public static string Dump(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value, int level)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case string s:
                String(sb, s);
                break;
            case Guid g:
                String(sb, g.ToString("D"));
                break;
            case long or int:
                sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case IEnumerable<KeyValuePair<string, object?>> dict:
                Container(sb, '{', '}', [.. dict], level, (kv, l) => { String(sb, kv.Key); sb.Append(": "); Write(sb, kv.Value, l); });
                break;
            case IEnumerable<object?> list:
                Container(sb, '[', ']', [.. list], level, (item, l) => Write(sb, item, l));
                break;
            default:
                throw new ArgumentException($"Cannot dump {value.GetType().Name}", nameof(value));
        }
    }

    private static void Container<T>(StringBuilder sb, char open, char close, List<T> items, int level, Action<T, int> item)
    {
        if (items.Count == 0)
        {
            sb.Append(open).Append(close);
            return;
        }
        sb.Append(open);
        for (var i = 0; i < items.Count; i++)
        {
            sb.Append(i == 0 ? "\n" : ",\n").Append(' ', 2 * (level + 1));
            item(items[i], level + 1);
        }
        sb.Append('\n').Append(' ', 2 * level).Append(close);
    }

    private static void String(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                < ' ' or > '~' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        sb.Append('"');
    }
}
