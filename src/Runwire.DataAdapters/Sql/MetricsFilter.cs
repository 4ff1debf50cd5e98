using System.Text.Json;

namespace Runwire.DataAdapters.Sql;

/// <summary>hetida's <c>metrics</c> filter: <c>ALL</c> (any case) for every metric, a JSON list of strings, or a comma list.</summary>
internal static class MetricsFilter
{
    /// <summary>The metrics asked for; null means all.</summary>
    public static string[]? Parse(string? text)
    {
        text ??= "";
        if (text.Equals("ALL", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        try
        {
            if (JsonSerializer.Deserialize<string[]>(text) is { } list)
            {
                return list;
            }
        }
        catch (JsonException)
        {
            // not a JSON list: a comma list, as in hetida
        }
        return [.. text.Split(',').Where(x => x.Length > 0).Select(x => x.Trim())];
    }
}
