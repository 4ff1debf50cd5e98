using System.Text.Json;
using System.Text.Json.Nodes;
using Runwire.Core.Data;

namespace Runwire.Core.Codecs.Pandas;

/// <summary>
/// One value of a column as pandas' <c>to_json(date_format="iso")</c> writes it (and hetida re-dumps it): floats
/// rounded like ujson, NaN/NaT/±inf as null, timestamps with milliseconds, straight into the writer.
/// </summary>
internal static class PandasCellWriter
{
    /// <param name="writer">The target.</param>
    /// <param name="column">The column.</param>
    /// <param name="position">The row.</param>
    /// <param name="zuluForUtc">Whether tz-aware timestamps get their <c>Z</c>: pandas 1.5 drops it for the values
    /// of a Series (not for its index, nor for DataFrame columns).</param>
    public static void Write(Utf8JsonWriter writer, Column column, int position, bool zuluForUtc = true)
    {
        switch (column)
        {
            case Float64Column f:
                PyJsonWriter.WriteDouble(writer, f.Values[position], ujson: true);
                break;
            case Int64Column l:
                writer.WriteNumberValue(l.Values[position]);
                break;
            case BoolColumn b:
                writer.WriteBooleanValue(b.Values[position]);
                break;
            case DateTimeColumn d:
                WriteTimestamp(writer, d.Ticks[position], d.IsUtc && zuluForUtc);
                break;
            default:
                WriteObject(writer, column.GetValue(position));
                break;
        }
    }

    public static void WriteTimestamp(Utf8JsonWriter writer, long ticks, bool utc)
    {
        if (ticks == DateTimeColumn.NaT)
        {
            writer.WriteNullValue();
            return;
        }
        Span<byte> text = stackalloc byte[IsoMillis.MaxLength];
        writer.WriteStringValue(text[..IsoMillis.Write(ticks, utc, text)]);
    }

    private static void WriteObject(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case double d:
                PyJsonWriter.WriteDouble(writer, d, ujson: true);
                break;
            case long or int or bool or string or JsonNode:
                ValueEncoder.WriteScalarOrNode(writer, value, ujson: true);
                break;
            case DateTime t:
                WriteTimestamp(writer, t.Ticks, t.Kind == DateTimeKind.Utc);
                break;
            default:
                ValueEncoder.Write(writer, value);
                break;
        }
    }
}
