using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Runwire.Core.Data;

namespace Runwire.Python.Channel;

/// <summary>
/// Writes engine values as the channel's value descriptors (docs/python-worker-protocol.md, "Values"): numbers and
/// timestamps as raw little-endian buffers, the rest as JSON.
/// </summary>
internal sealed class ValueWriter(Utf8JsonWriter json, List<ReadOnlyMemory<byte>> buffers)
{
    private const long UnixEpochTicks = 621355968000000000;

    public void Write(object? value)
    {
        json.WriteStartObject();
        switch (value)
        {
            case null:
                json.WriteString("k", "none");
                break;
            case bool b:
                json.WriteString("k", "bool");
                json.WriteBoolean("v", b);
                break;
            case long or int:
                json.WriteString("k", "int");
                json.WriteNumber("v", Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case double d:
                json.WriteString("k", "float");
                WriteFloat("v", d);
                break;
            case string s:
                json.WriteString("k", "str");
                json.WriteString("v", s);
                break;
            case DateTime t:
                json.WriteString("k", "datetime");
                json.WriteString("v", IsoFormat(t));
                break;
            case JsonNode node:
                json.WriteString("k", "json");
                json.WritePropertyName("v");
                WriteTree(node);
                break;
            case double[] doubles:
                WriteArray("float64", MemoryMarshal.AsBytes(doubles.AsSpan()).ToArray(), doubles.Length);
                break;
            case long[] longs:
                WriteArray("int64", MemoryMarshal.AsBytes(longs.AsSpan()).ToArray(), longs.Length);
                break;
            case object?[] items:
                json.WriteString("k", "ndarray");
                json.WriteString("dtype", "object");
                json.WriteStartArray("shape");
                json.WriteNumberValue(items.Length);
                json.WriteEndArray();
                json.WriteStartArray("v");
                foreach (var item in items)
                {
                    WriteItem(item);
                }
                json.WriteEndArray();
                break;
            case Series series:
                json.WriteString("k", "series");
                json.WriteString("name", series.Name);
                json.WritePropertyName("attrs");
                WriteTree(series.Attrs);
                json.WritePropertyName("index");
                WriteColumn(series.Index, isIndex: true);
                json.WritePropertyName("values");
                WriteColumn(series.Values, isIndex: false);
                break;
            case DataFrame frame:
                json.WriteString("k", "frame");
                json.WritePropertyName("attrs");
                WriteTree(frame.Attrs);
                json.WritePropertyName("index");
                WriteColumn(frame.Index, isIndex: true);
                json.WriteStartArray("columns");
                for (var i = 0; i < frame.Columns.Count; i++)
                {
                    json.WriteStartObject();
                    json.WriteString("name", frame.ColumnNames[i]);
                    json.WritePropertyName("col");
                    WriteColumn(frame.Columns[i], isIndex: false);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                break;
            case PythonObject python:
                json.WriteString("k", "opaque");
                json.WriteString("type", python.TypeName);
                json.WriteString("repr", python.Repr);
                json.WriteNumber("buf", Add(python.Pickle));
                json.WriteStartArray("module_keys");
                foreach (var key in python.ModuleKeys)
                {
                    json.WriteStringValue(key);
                }
                json.WriteEndArray();
                break;
            default:
                throw new PyException("TypeError", $"A value of type {Ordering.PyTypeName(value)} cannot be passed to a Python component.");
        }
        json.WriteEndObject();
    }

    private void WriteArray(string dtype, byte[] bytes, int length)
    {
        json.WriteString("k", "ndarray");
        json.WriteString("dtype", dtype);
        json.WriteStartArray("shape");
        json.WriteNumberValue(length);
        json.WriteEndArray();
        json.WriteNumber("buf", Add(bytes));
    }

    private void WriteColumn(Column column, bool isIndex)
    {
        json.WriteStartObject();
        switch (column)
        {
            case Int64Column ints when isIndex && IsRange(ints.Values):
                json.WriteString("dtype", "range");
                json.WriteNumber("start", 0);
                json.WriteNumber("stop", ints.Length);
                json.WriteNumber("step", 1);
                break;
            case Float64Column floats:
                json.WriteString("dtype", "float64");
                json.WriteNumber("buf", Add(MemoryMarshal.AsBytes(floats.Values.AsSpan()).ToArray()));
                break;
            case Int64Column ints:
                json.WriteString("dtype", "int64");
                json.WriteNumber("buf", Add(MemoryMarshal.AsBytes(ints.Values.AsSpan()).ToArray()));
                break;
            case BoolColumn bools:
                json.WriteString("dtype", "bool");
                json.WriteNumber("buf", Add(MemoryMarshal.AsBytes(bools.Values.AsSpan()).ToArray()));
                break;
            case DateTimeColumn dates:
                json.WriteString("dtype", "datetime64");
                json.WriteNumber("buf", Add(Nanoseconds(dates.Ticks)));
                if (dates.IsUtc)
                {
                    json.WriteString("tz", "UTC");
                }
                else
                {
                    json.WriteNull("tz");
                }
                break;
            default:
                json.WriteString("dtype", column is ObjectColumn { IsStringDtype: true } ? "string" : "object");
                json.WriteStartArray("v");
                for (var i = 0; i < column.Length; i++)
                {
                    WriteItem(column.GetValue(i));
                }
                json.WriteEndArray();
                break;
        }
        json.WriteEndObject();
    }

    /// <summary>An item of an object column or array, or a node of a JSON tree, with the channel's markers.</summary>
    private void WriteItem(object? item)
    {
        switch (item)
        {
            case null:
                json.WriteNullValue();
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case long or int:
                json.WriteNumberValue(Convert.ToInt64(item, CultureInfo.InvariantCulture));
                break;
            case double d:
                WriteFloatValue(d);
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            case DateTime t:
                WriteDateMarker(t);
                break;
            case JsonNode node:
                WriteTree(node);
                break;
            default:
                json.WriteStringValue(Convert.ToString(item, CultureInfo.InvariantCulture));
                break;
        }
    }

    private void WriteTree(JsonNode? node)
    {
        switch (node)
        {
            case null:
                json.WriteNullValue();
                break;
            case JsonObject obj:
                json.WriteStartObject();
                foreach (var (key, child) in obj)
                {
                    json.WritePropertyName(key);
                    WriteTree(child);
                }
                json.WriteEndObject();
                break;
            case JsonArray array:
                json.WriteStartArray();
                foreach (var child in array)
                {
                    WriteTree(child);
                }
                json.WriteEndArray();
                break;
            case JsonValue value when value.TryGetValue<JsonElement>(out var element):
                element.WriteTo(json);
                break;
            case JsonValue value when value.TryGetValue<double>(out var d) && !value.TryGetValue<long>(out _):
                WriteFloatValue(d);
                break;
            case JsonValue value when value.TryGetValue<DateTime>(out var t):
                WriteDateMarker(t);
                break;
            default:
                node.WriteTo(json);
                break;
        }
    }

    private void WriteFloat(string name, double d)
    {
        json.WritePropertyName(name);
        if (double.IsFinite(d))
        {
            json.WriteNumberValue(d);
        }
        else
        {
            json.WriteStringValue(NonFinite(d));
        }
    }

    private void WriteFloatValue(double d)
    {
        if (double.IsFinite(d))
        {
            json.WriteNumberValue(d);
            return;
        }
        json.WriteStartObject();
        json.WriteString("__rw_float__", NonFinite(d));
        json.WriteEndObject();
    }

    private void WriteDateMarker(DateTime t)
    {
        json.WriteStartObject();
        json.WriteString("__rw_datetime__", IsoFormat(t));
        json.WriteEndObject();
    }

    internal static string NonFinite(double d) => double.IsNaN(d) ? "nan" : d > 0 ? "inf" : "-inf";

    internal static string IsoFormat(DateTime t) =>
        t.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture) + (t.Kind == DateTimeKind.Utc ? "+00:00" : "");

    private int Add(ReadOnlyMemory<byte> bytes)
    {
        buffers.Add(bytes);
        return buffers.Count - 1;
    }

    private static bool IsRange(long[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] != i)
            {
                return false;
            }
        }
        return true;
    }

    private static byte[] Nanoseconds(long[] ticks)
    {
        var ns = new long[ticks.Length];
        for (var i = 0; i < ticks.Length; i++)
        {
            ns[i] = ticks[i] == DateTimeColumn.NaT ? long.MinValue : (ticks[i] - UnixEpochTicks) * 100;
        }
        return MemoryMarshal.AsBytes(ns.AsSpan()).ToArray();
    }
}
