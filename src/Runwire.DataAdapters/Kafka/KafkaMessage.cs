using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Runwire.Core.Codecs;
using Runwire.Core.Contracts;

namespace Runwire.DataAdapters.Kafka;

/// <summary>One value of a message: its JSON (in the form of its data type) and hetida's external type name.</summary>
public sealed record KafkaValue(JsonNode? Value, string DataType, string? OutputName);

/// <summary>
/// hetida's Kafka message formats (<c>KafkaSingleValueMessage</c>, <c>KafkaMultiValueMessage</c>): optional
/// <c>transformation_id</c>, <c>job_id</c> and <c>message_creation_timestamp</c>, then either <c>value</c> or
/// <c>values</c> (by value key), each <c>{"value", "data_type", "output_name"}</c>. A single value message is held
/// under the value key <see cref="Single"/>.
/// </summary>
public sealed record KafkaMessage(string? TransformationId, string? JobId, bool Multi, IReadOnlyDictionary<string, KafkaValue> Values)
{
    public const string Single = "";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes a message as hetida does; a value key null stands for the single value message.</summary>
    public static byte[] Write(Guid transformationId, Guid jobId, DateTime created, IReadOnlyList<(string? ValueKey, string DataType, string OutputName, object? Value)> values)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("transformation_id", transformationId.ToString());
            w.WriteString("job_id", jobId.ToString());
            w.WriteString("message_creation_timestamp", PyFormat.IsoFormat(created));
            if (values is [{ ValueKey: null } single])
            {
                w.WritePropertyName("value");
                WriteValue(w, single.DataType, single.OutputName, single.Value);
            }
            else
            {
                w.WriteStartObject("values");
                foreach (var v in values)
                {
                    w.WritePropertyName(v.ValueKey!);
                    WriteValue(w, v.DataType, v.OutputName, v.Value);
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a message in the expected format, validated as hetida's models validate it; the reason otherwise.</summary>
    public static KafkaMessage Read(ReadOnlySpan<byte> bytes, bool multi)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = ValueParser.MaxDepth });
        }
        catch (JsonException e)
        {
            throw new FormatException($"The message is not JSON: {e.Message}", e);
        }
        if (root is not JsonObject message)
        {
            throw new FormatException("The message is not a JSON object.");
        }
        var values = new Dictionary<string, KafkaValue>(StringComparer.Ordinal);
        if (multi)
        {
            if (message["values"] is not JsonObject byKey)
            {
                throw new FormatException("values: field required (a multi value message has an object 'values' of value key to value)");
            }
            foreach (var (key, value) in byKey)
            {
                values[key] = ReadValue(value, $"values -> {key}");
            }
        }
        else
        {
            values[Single] = ReadValue(message["value"], "value");
        }
        return new KafkaMessage(OptionalText(message, "transformation_id"), OptionalText(message, "job_id"), multi, values);
    }

    private static void WriteValue(Utf8JsonWriter w, string dataType, string outputName, object? value)
    {
        w.WriteStartObject();
        w.WritePropertyName("value");
        ValueEncoder.Write(w, value);
        w.WriteString("data_type", dataType);
        w.WriteString("output_name", outputName);
        w.WriteEndObject();
    }

    private static KafkaValue ReadValue(JsonNode? node, string where)
    {
        if (node is not JsonObject o)
        {
            throw new FormatException($"{where}: field required as an object {{\"value\", \"data_type\"}}");
        }
        var type = o["data_type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
        var canonical = type is null ? null : ExternalTypes.Normalize(type);
        if (canonical is null)
        {
            throw new FormatException(type is null
                ? $"{where} -> data_type: field required"
                : $"{where} -> data_type: value is not a valid enumeration member; permitted: {string.Join(", ", ExternalTypes.Canonical.Select(c => $"'{c}'"))}");
        }
        return new KafkaValue(o["value"], canonical, OptionalText(o, "output_name"));
    }

    private static string? OptionalText(JsonObject o, string name) => o[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number => v.ToString(),
        _ => throw new FormatException($"{name}: str type expected"),
    };
}
