using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Runwire.Core.Codecs;

namespace Runwire.Core.Components.Visualization;

/// <summary>
/// One entry of "Plot Time Series and Value Intervals"' <c>value_interval_dict</c>, validated like hetida's pydantic
/// (v1) model: floats and bools coerced as pydantic coerces them, errors listed in field order in pydantic's
/// <c>str(ValidationError)</c> form, and the non-empty check only when every field is valid.
/// </summary>
internal sealed record ValueInterval(double Min, bool MinInclusive, double Max, bool MaxInclusive, string? FillColor, string? LineColor, string? DisplayName)
{
    private static readonly string[] TrueWords = ["1", "on", "t", "true", "y", "yes"];
    private static readonly string[] FalseWords = ["0", "off", "f", "false", "n", "no"];

    /// <summary>The interval, or pydantic's error text for it.</summary>
    public static (ValueInterval? Interval, string? Error) Parse(JsonObject fields)
    {
        var errors = new List<(string Field, string Message)>();
        var min = Float(fields, "min_value", errors);
        var minInclusive = Bool(fields, "min_value_inclusive", errors);
        var max = Float(fields, "max_value", errors);
        var maxInclusive = Bool(fields, "max_value_inclusive", errors);
        var fill = Text(fields, "fill_color", errors);
        var line = Text(fields, "line_color", errors);
        var name = Text(fields, "display_name", errors);
        if (errors.Count == 0)
        {
            if (max < min)
            {
                errors.Add(("__root__", "To be valid, a value interval must be non-empty, i.e. min_value may not be bigger than max_value. (type=value_error)"));
            }
            else if ((!minInclusive || !maxInclusive) && !(min < max))
            {
                errors.Add(("__root__", "To be valid, a value interval must be non-empty, i.e min_value must be smaller than max_value. (type=value_error)"));
            }
        }
        if (errors.Count > 0)
        {
            var header = $"{errors.Count} validation error{(errors.Count == 1 ? "" : "s")} for ValueInterval";
            return (null, string.Join("\n", [header, .. errors.Select(e => $"{e.Field}\n  {e.Message}")]));
        }
        return (new ValueInterval(min, minInclusive, max, maxInclusive, fill, line, name), null);
    }

    private static double Float(JsonObject fields, string field, List<(string, string)> errors)
    {
        if (!fields.TryGetPropertyValue(field, out var node))
        {
            errors.Add((field, "field required (type=value_error.missing)"));
            return double.NaN;
        }
        double? value = node?.GetValueKind() switch
        {
            null => null,
            JsonValueKind.Number => node.GetValue<double>(),
            JsonValueKind.True => 1,
            JsonValueKind.False => 0,
            JsonValueKind.String => ParsePythonFloat(node.GetValue<string>()),
            _ => null,
        };
        if (value is null)
        {
            errors.Add((field, node is null ? "none is not an allowed value (type=type_error.none.not_allowed)" : "value is not a valid float (type=type_error.float)"));
        }
        return value ?? double.NaN;
    }

    private static bool Bool(JsonObject fields, string field, List<(string, string)> errors)
    {
        if (!fields.TryGetPropertyValue(field, out var node))
        {
            return true;
        }
        bool? value = node?.GetValueKind() switch
        {
            null => null,
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => node.GetValue<double>() switch { 1 => true, 0 => false, _ => null },
            JsonValueKind.String => node.GetValue<string>().ToLowerInvariant() is var word && TrueWords.Contains(word) ? true : FalseWords.Contains(word) ? false : null,
            _ => null,
        };
        if (value is null)
        {
            errors.Add((field, node is null ? "none is not an allowed value (type=type_error.none.not_allowed)" : "value could not be parsed to a boolean (type=type_error.bool)"));
        }
        return value ?? true;
    }

    // Optional[str]: None allowed, numbers (and bools, being ints in Python) become their str()
    private static string? Text(JsonObject fields, string field, List<(string, string)> errors)
    {
        var node = fields[field];
        switch (node?.GetValueKind())
        {
            case null:
                return null;
            case JsonValueKind.String:
                return node.GetValue<string>();
            case JsonValueKind.True or JsonValueKind.False:
                return node.GetValueKind() == JsonValueKind.True ? "True" : "False";
            case JsonValueKind.Number:
                var text = node.ToJsonString();
                return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
                    ? whole.ToString(CultureInfo.InvariantCulture)
                    : PyFormat.Repr(node.GetValue<double>());
            default:
                errors.Add((field, "str type expected (type=type_error.str)"));
                return null;
        }
    }

    // Python float(str): surrounding whitespace allowed, nan/inf words in any case
    private static double? ParsePythonFloat(string text)
    {
        var trimmed = text.Trim();
        var unsigned = trimmed.TrimStart('+', '-').ToLowerInvariant();
        var negative = trimmed.StartsWith('-');
        if (unsigned is "nan" or "inf" or "infinity" && trimmed.Length - unsigned.Length <= 1)
        {
            return unsigned == "nan" ? double.NaN : negative ? double.NegativeInfinity : double.PositiveInfinity;
        }
        return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
