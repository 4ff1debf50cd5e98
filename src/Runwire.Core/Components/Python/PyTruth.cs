using System.Text.Json.Nodes;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Python;

/// <summary>Python truthiness (<c>bool(x)</c>) and pandas' <c>astype(bool)</c> (NaN and NaT count as True).</summary>
internal static class PyTruth
{
    public static bool IsTrue(object? value) => PyValue.Normalize(value) switch
    {
        null => false,
        bool b => b,
        long l => l != 0,
        double d => d != 0,
        string s => s.Length > 0,
        JsonArray a => a.Count > 0,
        JsonObject o => o.Count > 0,
        Series s => throw AmbiguousTruth("Series"),
        DataFrame => throw AmbiguousTruth("DataFrame"),
        _ => true,
    };

    public static bool[] AsBool(Column column) => column switch
    {
        BoolColumn b => b.Values,
        Float64Column f => [.. f.Values.Select(x => x != 0)],
        Int64Column l => [.. l.Values.Select(x => x != 0)],
        // numpy looks at the int64 nanoseconds: only the epoch itself is False (NaT is a non-zero sentinel).
        DateTimeColumn d => [.. d.Ticks.Select(t => t != DateTime.UnixEpoch.Ticks)],
        _ => [.. Enumerable.Range(0, column.Length).Select(i => IsTrue(column.GetValue(i)))],
    };

    private static PyException AmbiguousTruth(string type) =>
        PyException.ValueError($"The truth value of a {type} is ambiguous. Use a.empty, a.bool(), a.item(), a.any() or a.all().");
}
