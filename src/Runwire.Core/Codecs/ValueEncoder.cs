using System.Text.Json;
using System.Text.Json.Nodes;
using Runwire.Core.Codecs.Pandas;
using Runwire.Core.Data;

namespace Runwire.Core.Codecs;

/// <summary>
/// Writes engine values as hetida's result JSON (spec §3.3), chosen by the runtime type of the value: scalars and
/// JSON trees as Python's <c>json.dumps</c> writes them (floats in <c>repr</c> form), timestamps as
/// <c>isoformat()</c>, arrays as lists, Series/DataFrames in their metadata wrappers. NaN and ±inf become null.
/// </summary>
public static class ValueEncoder
{
    /// <summary>Writes one output value. Throws <see cref="ValueEncodeException"/> for values that have no JSON form.</summary>
    public static void Write(Utf8JsonWriter writer, object? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (value)
        {
            case null or bool or long or int or double or string or JsonNode:
                WriteScalarOrNode(writer, value, ujson: false);
                break;
            case DateTime t:
                writer.WriteStringValue(PyFormat.IsoFormat(t));
                break;
            case Guid g:
                writer.WriteStringValue(g.ToString());
                break;
            case double[] doubles:
                writer.WriteStartArray();
                foreach (var d in doubles)
                {
                    PyJsonWriter.WriteDouble(writer, d);
                }
                writer.WriteEndArray();
                break;
            case long[] longs:
                writer.WriteStartArray();
                foreach (var l in longs)
                {
                    writer.WriteNumberValue(l);
                }
                writer.WriteEndArray();
                break;
            case object?[] items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    Write(writer, item);
                }
                writer.WriteEndArray();
                break;
            case Series series:
                PandasJsonWriter.WriteSeries(writer, series);
                break;
            case DataFrame frame:
                PandasJsonWriter.WriteFrame(writer, frame);
                break;
            default:
                throw new ValueEncodeException(
                    $"Output value of type {Ordering.PyTypeName(value)} ({value.GetType().FullName}) has no JSON representation.");
        }
    }

    /// <summary>The value's JSON as a node (for callers that assemble JSON trees rather than write streams).</summary>
    public static JsonNode? ToJsonNode(object? value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value);
        }
        return JsonNode.Parse(buffer.WrittenSpan);
    }

    internal static void WriteScalarOrNode(Utf8JsonWriter writer, object? value, bool ujson)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case double d:
                PyJsonWriter.WriteDouble(writer, d, ujson);
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case JsonNode node:
                PyJsonWriter.WriteNode(writer, node, ujson);
                break;
        }
    }
}
