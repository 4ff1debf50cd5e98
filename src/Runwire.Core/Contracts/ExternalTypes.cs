namespace Runwire.Core.Contracts;

/// <summary>
/// hetida's <c>ExternalType</c> (the <c>type</c> of a wiring, used by generic REST adapters): the canonical values,
/// the aliases accepted on input, and the general type before the parenthesis.
/// </summary>
public static class ExternalTypes
{
    /// <summary>Canonical values in hetida's declaration order (the order of its "permitted" list).</summary>
    public static IReadOnlyList<string> Canonical { get; } =
    [
        "metadata(int)", "metadata(float)", "metadata(string)", "metadata(boolean)", "metadata(any)",
        "timeseries(int)", "timeseries(float)", "timeseries(string)", "timeseries(boolean)", "timeseries(any)",
        "series(int)", "series(float)", "series(string)", "series(boolean)", "series(any)",
        "multitsframe", "dataframe",
    ];

    /// <summary>Every accepted spelling mapped to its canonical value.</summary>
    internal static IReadOnlyDictionary<string, string> Accepted { get; } = BuildAccepted();

    /// <summary>The canonical value for an accepted spelling (<c>metadata(str)</c> → <c>metadata(string)</c>); null if unknown.</summary>
    public static string? Normalize(string value) => Accepted.GetValueOrDefault(value);

    /// <summary><c>metadata</c>, <c>timeseries</c>, <c>series</c>, <c>multitsframe</c> or <c>dataframe</c>.</summary>
    public static string GeneralType(string canonical) => canonical.Split('(', 2)[0];

    private static Dictionary<string, string> BuildAccepted()
    {
        var accepted = Canonical.ToDictionary(c => c, c => c, StringComparer.Ordinal);
        foreach (var general in new[] { "metadata", "timeseries", "series" })
        {
            accepted[$"{general}(integer)"] = $"{general}(int)";
            accepted[$"{general}(str)"] = $"{general}(string)";
            accepted[$"{general}(bool)"] = $"{general}(boolean)";
        }
        accepted["timeseries(object)"] = "timeseries(any)";
        accepted["series(object)"] = "series(any)";
        return accepted;
    }
}
