using System.Text.Json;
using System.Text.Json.Nodes;
using Runwire.Core.Codecs.Json;
using Runwire.Core.Codecs.Pandas;
using Runwire.Core.Codecs.Scalars;
using Runwire.Core.Data;

namespace Runwire.Core.Codecs;

/// <summary>
/// Parses a value given as text (a direct_provisioning <c>filters.value</c>, a default, a constant) into the engine's
/// value model for a declared data type, with hetida's rules (spec §3.2): pydantic v1 validators for the scalar
/// types, <c>ParsedAny</c> for ANY and pandas' <c>read_json</c> (with the metadata wrapper) for SERIES, DATAFRAME
/// and MULTITSFRAME.
/// </summary>
public static class ValueParser
{
    internal const string NoneNotAllowed = "none is not an allowed value";

    /// <summary>
    /// How deep a value given as JSON text (ANY, and the cells of series and frames) may nest. Python's json.loads stops
    /// at about 990 levels, and results are written at most <see cref="Contracts.ResultWriter.MaxDepth"/> deep: this
    /// leaves room for the result around a value and for components that wrap one.
    /// </summary>
    public const int MaxDepth = 900;

    /// <summary>
    /// Parses <paramref name="text"/> as <paramref name="type"/>. A null <paramref name="text"/> stands for Python's
    /// None: it yields null when <paramref name="nullable"/> (defaults of optional inputs), else the pydantic error
    /// "none is not an allowed value". Throws <see cref="ValueParseException"/> when the text does not parse.
    /// </summary>
    public static object? Parse(string? text, DataType type, bool nullable = false)
    {
        if (text is null)
        {
            return nullable ? null : throw new ValueParseException(NoneNotAllowed);
        }
        return type switch
        {
            DataType.Int => ParseInt(text),
            DataType.Float => PyFloat.TryParse(text, out var d) ? d : throw new ValueParseException("value is not a valid float"),
            DataType.String => text,
            DataType.Boolean => PyBool.Parse(text) ?? throw new ValueParseException("value could not be parsed to a boolean"),
            DataType.Any => ParseAny(text),
            // pydantic's dict validator calls dict(str), which never succeeds.
            DataType.PlotlyJson => throw new ValueParseException("value is not a valid dict"),
            DataType.Series => PandasParser.ParseSeries(text, fromText: true),
            DataType.DataFrame => PandasParser.ParseFrame(text, fromText: true),
            DataType.MultiTSFrame => MultiTsFrameValidator.Validate(PandasParser.ParseFrame(text, fromText: true)),
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
    }

    /// <summary>
    /// Parses a value that arrives as JSON (a stored default of an io_interface input) the way pydantic validates the
    /// Python object <c>json.loads</c> makes of it: a JSON string is parsed as text (<see cref="Parse"/>), JSON null
    /// (or a null node) is None, and other JSON values go through the type's validator (an INT default <c>2.7</c>
    /// becomes 2 as <c>int(2.7)</c> does; a STRING default <c>true</c> becomes "True"; a SERIES default object is
    /// read like its JSON text, without the wrapper's kind check; a PLOTLYJSON default object is taken as it is).
    /// </summary>
    public static object? ParseJson(JsonNode? node, DataType type, bool nullable = false)
    {
        if (node is null || node.GetValueKind() == JsonValueKind.Null)
        {
            return Parse(null, type, nullable);
        }
        if (node.GetValueKind() == JsonValueKind.String)
        {
            return Parse(node.GetValue<string>(), type, nullable);
        }
        return JsonValueParser.Parse(node, type);
    }

    internal static long ParseInt(string text) => PyInt.TryParse(text, out var value) switch
    {
        PyInt.Result.Ok => value,
        // Python ints are unbounded; the engine's ints are 64-bit, so larger values are refused here rather than later.
        PyInt.Result.OutOfRange => throw new ValueParseException(
            "value is not a valid integer (outside the 64-bit integer range that Runwire supports)"),
        _ => throw new ValueParseException("value is not a valid integer"),
    };

    /// <summary>hetida's <c>ParsedAny</c>: JSON-decode a string, once more if that gives a string, else keep the text.</summary>
    internal static object? ParseAny(string text)
    {
        if (!PyJson.TryLoads(text, out var value))
        {
            return text;
        }
        if (value is string inner)
        {
            return PyJson.TryLoads(inner, out var twice) ? twice : inner;
        }
        return value;
    }
}
