using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Runwire.Core.Data;

namespace Runwire.Core.Components.Python;

/// <summary>Python's view of engine values: CLR and JSON forms normalized to long/double/bool/str, and Python type names.</summary>
internal static class PyValue
{
    /// <summary>Maps int/float/JsonValue forms onto the value model (long, double, bool, string, DateTime, null).</summary>
    public static object? Normalize(object? value) => value switch
    {
        int i => (long)i,
        float f => (double)f,
        JsonValue j => FromJsonValue(j),
        _ => value,
    };

    /// <summary>An element of a JSON list or dict as a Python value (dicts and lists stay JSON nodes).</summary>
    public static object? FromJson(JsonNode? node) => node is JsonValue v ? FromJsonValue(v) : node;

    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        JsonNode n => n.DeepClone(),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        bool b => JsonValue.Create(b),
        string s => JsonValue.Create(s),
        _ => throw new PyException("NotSupportedError", $"cannot put a {TypeName(value)} into a JSON list"),
    };

    public static bool IsNumber(object? value) => value is long or double or bool;

    /// <summary>numpy arrays of the value model (<c>double[]</c>, <c>object?[]</c>).</summary>
    public static bool IsArray(object? value) => value is double[] or object?[];

    /// <summary>pandas' notion of a missing scalar (None or NaN).</summary>
    public static bool IsNa(object? value) => value is null || (value is double d && double.IsNaN(d));

    public static double ToDouble(object? number) => number switch
    {
        double d => d,
        long l => l,
        bool b => b ? 1 : 0,
        _ => throw new InvalidOperationException("not a number"),
    };

    public static long ToLong(object? number) => number switch
    {
        long l => l,
        bool b => b ? 1 : 0,
        _ => throw new InvalidOperationException("not an int"),
    };

    public static string TypeName(object? value) => value switch
    {
        double[] or object?[] => "numpy.ndarray",
        JsonValue j => TypeName(FromJsonValue(j)),
        _ => Ordering.PyTypeName(value),
    };

    private static object? FromJsonValue(JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            return element.ValueKind switch
            {
                JsonValueKind.String => element.GetString(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Number => ParseNumber(element.GetRawText()),
                _ => null,
            };
        }
        // values built in code keep their CLR type (2.0 must stay a float although its JSON text is "2")
        if (value.TryGetValue<long>(out var l) || (value.TryGetValue<int>(out var i) && (l = i) == i))
        {
            return l;
        }
        if (value.TryGetValue<double>(out var d) || (value.TryGetValue<float>(out var f) && (d = f) == f))
        {
            return d;
        }
        return value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => ParseNumber(value.ToJsonString()),
            _ => null,
        };
    }

    // json.loads gives an int for a literal without fraction or exponent, else a float.
    private static object ParseNumber(string raw)
    {
        if (raw.AsSpan().IndexOfAny(".eE") >= 0)
        {
            return double.Parse(raw, CultureInfo.InvariantCulture);
        }
        return long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
            ? l
            : throw PyErrors.IntOverflow();
    }
}
