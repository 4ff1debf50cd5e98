using System.Text.Json;
using Runwire.Core.Data;

namespace Runwire.Core.Codecs.Pandas;

/// <summary>
/// hetida's result encoders for pandas objects (spec §3.3): a Series as the SERIES wrapper with split orient, a
/// DataFrame as the DATAFRAME wrapper with columns orient (index labels as keys), <c>.attrs</c> as <c>__metadata__</c>.
/// </summary>
internal static class PandasJsonWriter
{
    public static void WriteSeries(Utf8JsonWriter writer, Series series)
    {
        writer.WriteStartObject();
        writer.WriteString("__hd_wrapped_data_object__", "SERIES");
        writer.WritePropertyName("__metadata__");
        PyJsonWriter.WriteNode(writer, series.Attrs);
        writer.WritePropertyName("__data__");
        writer.WriteStartObject();
        writer.WritePropertyName("name");
        if (series.Name is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(series.Name);
        }
        writer.WriteStartArray("index");
        for (var i = 0; i < series.Length; i++)
        {
            PandasCellWriter.Write(writer, series.Index, i);
            FlushNow(writer);
        }
        writer.WriteEndArray();
        writer.WriteStartArray("data");
        for (var i = 0; i < series.Length; i++)
        {
            PandasCellWriter.Write(writer, series.Values, i, zuluForUtc: false);
            FlushNow(writer);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteStartObject("__data_parsing_options__");
        writer.WriteString("orient", "split");
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    // A writer over a stream buffers everything until flushed; big objects are flushed as they go.
    private static void FlushNow(Utf8JsonWriter writer)
    {
        if (writer.BytesPending > 1 << 16)
        {
            writer.Flush();
        }
    }

    public static void WriteFrame(Utf8JsonWriter writer, DataFrame frame)
    {
        if (frame.ColumnNames.Distinct().Count() != frame.ColumnNames.Count)
        {
            throw new ValueEncodeException("DataFrame columns must be unique for orient='columns'.");
        }
        var keys = FrameKeys.Of(frame.Index);
        writer.WriteStartObject();
        writer.WriteString("__hd_wrapped_data_object__", "DATAFRAME");
        writer.WritePropertyName("__metadata__");
        PyJsonWriter.WriteNode(writer, frame.Attrs);
        writer.WriteStartObject("__data__");
        for (var c = 0; c < frame.Columns.Count; c++)
        {
            writer.WriteStartObject(frame.ColumnNames[c]);
            var column = frame.Columns[c];
            for (var row = 0; row < frame.RowCount; row++)
            {
                keys.WriteName(writer, row);
                PandasCellWriter.Write(writer, column, row);
                FlushNow(writer);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
