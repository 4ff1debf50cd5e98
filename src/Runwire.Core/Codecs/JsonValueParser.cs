using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Runwire.Core.Codecs.Pandas;
using Runwire.Core.Data;

namespace Runwire.Core.Codecs;

/// <summary>
/// pydantic v1's validators applied to a non-string, non-null JSON value (a number, a bool, an object or an array),
/// i.e. to the Python object that <c>json.loads</c> yields for it.
/// </summary>
internal static class JsonValueParser
{
    public static object? Parse(JsonNode node, DataType type)
    {
        var kind = node.GetValueKind();
        var number = kind == JsonValueKind.Number ? node.ToJsonString() : null;
        var isInteger = number is not null && number.AsSpan().IndexOfAny(".eE") < 0;
        bool? flag = kind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null };
        switch (type)
        {
            case DataType.Int when number is not null && isInteger:
                return ValueParser.ParseInt(number);
            case DataType.Int when number is not null:
                // int(2.7) == 2
                var truncated = Math.Truncate(double.Parse(number, CultureInfo.InvariantCulture));
                return truncated is >= long.MinValue and < 9.2233720368547758E18
                    ? (long)truncated
                    : throw new ValueParseException("value is not a valid integer (outside the 64-bit integer range that Runwire supports)");
            case DataType.Int when flag is { } b:
                return b ? 1L : 0L;
            case DataType.Int:
                throw new ValueParseException("value is not a valid integer");
            case DataType.Float when number is not null:
                return double.Parse(number, CultureInfo.InvariantCulture);
            case DataType.Float when flag is { } b:
                return b ? 1.0 : 0.0;
            case DataType.Float:
                throw new ValueParseException("value is not a valid float");
            case DataType.String when number is not null:
                // str(int) / str(float)
                return isInteger ? number : PyFormat.Repr(double.Parse(number, CultureInfo.InvariantCulture));
            case DataType.String when flag is { } b:
                // bool is an int subclass, so pydantic returns str(True)
                return b ? "True" : "False";
            case DataType.String:
                throw new ValueParseException("str type expected");
            case DataType.Boolean when flag is { } b:
                return b;
            case DataType.Boolean when number is not null && double.Parse(number, CultureInfo.InvariantCulture) is 0 or 1:
                return double.Parse(number, CultureInfo.InvariantCulture) == 1;
            case DataType.Boolean:
                throw new ValueParseException("value could not be parsed to a boolean");
            case DataType.Any:
                return node is JsonValue ? ValueParser.ParseAny(node.ToJsonString()) : node.DeepClone();
            case DataType.PlotlyJson:
                return PyDict.FromJson(node) ?? throw new ValueParseException("value is not a valid dict");
            case DataType.Series or DataType.DataFrame or DataType.MultiTSFrame when node is JsonValue:
                var kindName = type == DataType.Series ? "Series" : type == DataType.DataFrame ? "DataFrame" : "MultiTsFrame";
                var pyType = number is null ? "bool" : isInteger ? "int" : "float";
                throw new ValueParseException($"Got unexpected type at runtime when parsing {kindName}: <class '{pyType}'>");
            case DataType.Series:
                return PandasParser.ParseSeries(node.ToJsonString(), fromText: false);
            case DataType.DataFrame:
                return PandasParser.ParseFrame(node.ToJsonString(), fromText: false);
            case DataType.MultiTSFrame:
                return MultiTsFrameValidator.Validate(PandasParser.ParseFrame(node.ToJsonString(), fromText: false));
            default:
                throw new ArgumentOutOfRangeException(nameof(type));
        }
    }
}
