using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Runwire.Core.Data;

namespace Runwire.DataAdapters.Frames;

/// <summary>How a records writer spells timestamps: the protocol's nanosecond Z form or Python's isoformat.</summary>
internal enum TimestampStyle { Nanos, Iso }

/// <summary>
/// Writes frame rows as JSON records, either one object per line (the protocol's streamed GET answers) or as one
/// array (hetida's POST bodies). NaN and missing values become null. Output is flushed to the stream in blocks.
/// </summary>
internal sealed class RecordsWriter(Stream stream, bool lines, TimestampStyle style)
{
    private const int FlushAt = 1 << 16;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushAt * 2);

    public async Task WriteFrameAsync(IReadOnlyList<string> names, IReadOnlyList<Column> columns, int rows, CancellationToken ct)
    {
        var encoded = names.Select(n => JsonEncodedText.Encode(n)).ToArray();
        using var writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        if (!lines)
        {
            _buffer.Write("["u8);
        }
        for (var r = 0; r < rows; r++)
        {
            if (!lines && r > 0)
            {
                _buffer.Write(","u8);
            }
            writer.WriteStartObject();
            for (var c = 0; c < columns.Count; c++)
            {
                writer.WritePropertyName(encoded[c]);
                WriteValue(writer, columns[c], r);
            }
            writer.WriteEndObject();
            writer.Flush();
            writer.Reset();
            if (lines)
            {
                _buffer.Write("\n"u8);
            }
            if (_buffer.WrittenCount >= FlushAt)
            {
                await stream.WriteAsync(_buffer.WrittenMemory, ct).ConfigureAwait(false);
                _buffer.ResetWrittenCount();
            }
        }
        if (!lines)
        {
            _buffer.Write("]"u8);
        }
        await stream.WriteAsync(_buffer.WrittenMemory, ct).ConfigureAwait(false);
        _buffer.ResetWrittenCount();
    }

    private void WriteValue(Utf8JsonWriter writer, Column column, int row)
    {
        switch (column)
        {
            case Float64Column f:
                WriteDouble(writer, f.Values[row]);
                break;
            case Int64Column i:
                writer.WriteNumberValue(i.Values[row]);
                break;
            case BoolColumn b:
                writer.WriteBooleanValue(b.Values[row]);
                break;
            case DateTimeColumn d when d.Ticks[row] == DateTimeColumn.NaT:
                writer.WriteNullValue();
                break;
            case DateTimeColumn d:
                writer.WriteStringValue(Format(d.Ticks[row], d.IsUtc));
                break;
            default:
                WriteObject(writer, column.GetValue(row));
                break;
        }
    }

    private void WriteObject(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case double d:
                WriteDouble(writer, d);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case int n:
                writer.WriteNumberValue(n);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case DateTime dt:
                writer.WriteStringValue(Format(dt.Ticks, dt.Kind == DateTimeKind.Utc));
                break;
            case JsonNode node:
                node.WriteTo(writer);
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }

    private string Format(long ticks, bool utc) =>
        style == TimestampStyle.Nanos && utc ? Timestamps.Nanos(ticks) : Timestamps.Iso(ticks, utc);

    private static void WriteDouble(Utf8JsonWriter writer, double d)
    {
        if (double.IsFinite(d))
        {
            writer.WriteNumberValue(d);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
