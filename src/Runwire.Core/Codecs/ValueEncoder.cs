using System.Text.Json;
using System.Text.Json.Nodes;

namespace Runwire.Core.Codecs;

/// <summary>Writes engine values as hetida's result JSON (spec §3.3): wrapped SERIES/DATAFRAME, ISO timestamps, null for NaN.</summary>
public static class ValueEncoder
{
    /// <summary>Writes one output value. Throws <see cref="ValueEncodeException"/> for values that have no JSON form.</summary>
    public static void Write(Utf8JsonWriter writer, object? value)
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
            case double d when double.IsFinite(d):
                writer.WriteNumberValue(d);
                break;
            case double:
                // hetida writes a bare NaN token on Kafka (invalid JSON); Runwire writes null (spec §2.6).
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case JsonNode node:
                node.WriteTo(writer);
                break;
            default:
                // SERIES, DATAFRAME, timestamps and arrays are added by the codecs work.
                throw new ValueEncodeException($"Output value of type {value.GetType().Name} cannot be encoded to JSON.");
        }
    }
}
