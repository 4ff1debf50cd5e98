using System.Globalization;
using System.Text.Json.Nodes;
using Runwire.Core.Codecs;

namespace Runwire.Core.Components.Python;

/// <summary>Python's <c>str()</c> and <c>repr()</c> of values, for error messages that embed them.</summary>
internal static class PyText
{
    public static string Str(object? value) => PyValue.Normalize(value) switch
    {
        string s => s,
        var other => Repr(other),
    };

    public static string Repr(object? value) => PyValue.Normalize(value) switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => PyFormat.Repr(d),
        string s => "'" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'",
        DateTime t => $"Timestamp('{t:yyyy-MM-dd HH:mm:ss}{(t.Kind == DateTimeKind.Utc ? "+0000', tz='UTC'" : "'")})",
        JsonArray a => "[" + string.Join(", ", a.Select(n => Repr(PyValue.FromJson(n)))) + "]",
        JsonObject o => "{" + string.Join(", ", o.Select(p => $"{Repr(p.Key)}: {Repr(PyValue.FromJson(p.Value))}")) + "}",
        var other => other.ToString() ?? "",
    };
}
