using System.Text.Json.Nodes;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Visualization.Plotly;

/// <summary>
/// Building blocks for plotly figure JSON in the key order plotly's Python classes write: a graph object (trace,
/// shape, axis) lists the properties given to its constructor alphabetically, a trace adds <c>type</c> last, and
/// every later <c>update_*</c> call appends its keys. Consumers ignore key order; keeping plotly's order only makes
/// Runwire's figures easy to diff against hetida's.
/// </summary>
internal static class PlotlyJson
{
    /// <summary>A graph object: the given properties sorted by name; null values are left out (plotly drops None).</summary>
    public static JsonObject Object(params (string Name, JsonNode? Value)[] properties)
    {
        var result = new JsonObject();
        foreach (var (name, value) in properties.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (value is not null)
            {
                result[name] = value;
            }
        }
        return result;
    }

    /// <summary>A trace: <see cref="Object"/> plus its <c>type</c>.</summary>
    public static JsonObject Trace(string type, params (string Name, JsonNode? Value)[] properties)
    {
        var trace = Object(properties);
        trace["type"] = type;
        return trace;
    }

    /// <summary>A scatter trace of two columns (plotly converts pandas Series and Index objects to their values).</summary>
    public static JsonObject Scatter(Column x, Column y, params (string Name, JsonNode? Value)[] properties) =>
        Trace("scatter", [("x", PlotlyValues.Array(x)), ("y", PlotlyValues.Array(y)), .. properties]);

    /// <summary>
    /// Sets a nested property, creating the objects on the way (plotly's "magic underscore" paths such as
    /// <c>xaxis_title_text</c>, written here with dots).
    /// </summary>
    public static void Set(JsonObject target, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var node = target;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject child)
            {
                child = [];
                node[part] = child;
            }
            node = child;
        }
        node[parts[^1]] = value;
    }

    /// <summary>A JSON array of numbers (NaN and infinities become null, as plotly's encoder writes them).</summary>
    public static JsonArray Numbers(IEnumerable<double> values) => [.. values.Select(PlotlyValues.Number)];

    /// <summary>A JSON array of strings.</summary>
    public static JsonArray Strings(IEnumerable<string?> values) => [.. values.Select(v => (JsonNode?)v)];
}
