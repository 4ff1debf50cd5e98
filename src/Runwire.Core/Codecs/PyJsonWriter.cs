using System.Text.Json;
using System.Text.Json.Nodes;

namespace Runwire.Core.Codecs;

/// <summary>
/// Writes numbers and JSON trees the way Python's <c>json.dumps</c> spells them: floats as <c>repr</c>
/// (<c>2.0</c>, <c>1e-05</c>), ints as digits; NaN and ±inf as null (hetida's Kafka output would have bare NaN tokens,
/// which are not JSON: spec §2.6).
/// </summary>
internal static class PyJsonWriter
{
    /// <param name="writer">The target.</param>
    /// <param name="value">The float.</param>
    /// <param name="ujson">True inside pandas data: round like pandas' ujson first (<see cref="Pandas.UjsonDouble"/>).</param>
    public static void WriteDouble(Utf8JsonWriter writer, double value, bool ujson = false)
    {
        if (!double.IsFinite(value))
        {
            writer.WriteNullValue();
            return;
        }
        if (ujson)
        {
            if (Pandas.UjsonRepr.TryWriteDirect(writer, value, out var rounded))
            {
                return;
            }
            // ujson's 10 significant digits can round the largest doubles up to infinity
            value = rounded;
            if (!double.IsFinite(value))
            {
                writer.WriteNullValue();
                return;
            }
        }
        var magnitude = Math.Abs(value);
        if (magnitude is >= 1e-4 and < 1e15 && value != Math.Floor(value))
        {
            // Here .NET's shortest round-trip text is Python's repr (fixed notation, same digits), so the writer's own
            // formatting can be used; integral values (Python adds ".0") and exponent forms take the slow path.
            writer.WriteNumberValue(value);
            return;
        }
        Span<char> chars = stackalloc char[FloatRepr.MaxLength];
        var length = FloatRepr.Format(value, chars);
        Span<byte> bytes = stackalloc byte[FloatRepr.MaxLength];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)chars[i];
        }
        writer.WriteRawValue(bytes[..length], skipInputValidation: true);
    }

    public static void WriteNode(Utf8JsonWriter writer, JsonNode? node, bool ujson = false)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, item) in obj)
                {
                    writer.WritePropertyName(key);
                    WriteNode(writer, item, ujson);
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteNode(writer, item, ujson);
                }
                writer.WriteEndArray();
                break;
            case JsonValue value:
                WriteValue(writer, value, ujson);
                break;
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonValue value, bool ujson)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            if (element.ValueKind == JsonValueKind.Number && element.GetRawText().AsSpan().IndexOfAny(".eE") >= 0)
            {
                WriteDouble(writer, element.GetDouble(), ujson);
                return;
            }
            element.WriteTo(writer);
            return;
        }
        if (value.TryGetValue<double>(out var d) && !value.TryGetValue<long>(out _))
        {
            WriteDouble(writer, d, ujson);
        }
        else if (value.TryGetValue<float>(out var f) && !value.TryGetValue<long>(out _))
        {
            WriteDouble(writer, f, ujson);
        }
        else if (value.TryGetValue<DateTime>(out var t))
        {
            writer.WriteStringValue(PyFormat.IsoFormat(t));
        }
        else
        {
            value.WriteTo(writer);
        }
    }
}
