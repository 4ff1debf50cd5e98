using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Runwire.Core.Data;

namespace Runwire.Python.Channel;

/// <summary>Reads the channel's value descriptors back into engine values (docs/python-worker-protocol.md, "Values").</summary>
internal sealed class ValueReader(IReadOnlyList<ReadOnlyMemory<byte>> buffers)
{
    private const long UnixEpochTicks = 621355968000000000;

    public object? Read(JsonElement descriptor)
    {
        var kind = descriptor.GetProperty("k").GetString();
        return kind switch
        {
            "none" => null,
            "bool" => descriptor.GetProperty("v").GetBoolean(),
            "int" => descriptor.GetProperty("v").GetInt64(),
            "float" => Float(descriptor.GetProperty("v")),
            "str" => descriptor.GetProperty("v").GetString(),
            "datetime" => ParseDate(descriptor.GetProperty("v").GetString()!),
            "json" => Tree(descriptor.GetProperty("v")),
            "ndarray" => Array(descriptor),
            "series" => new Series(
                Column(descriptor.GetProperty("index")),
                Column(descriptor.GetProperty("values")),
                descriptor.GetProperty("name").GetString(),
                Tree(descriptor.GetProperty("attrs")) as JsonObject),
            "frame" => Frame(descriptor),
            "opaque" => new PythonObject(
                descriptor.GetProperty("type").GetString()!,
                descriptor.GetProperty("repr").GetString() ?? "",
                Buffer(descriptor).ToArray(),
                descriptor.TryGetProperty("module_keys", out var keys) && keys.ValueKind == JsonValueKind.Array
                    ? [.. keys.EnumerateArray().Select(k => k.GetString()!)]
                    : []),
            _ => throw new InvalidDataException($"Unknown value kind '{kind}' from the Python worker."),
        };
    }

    private DataFrame Frame(JsonElement descriptor)
    {
        var names = new List<string>();
        var columns = new List<Column>();
        foreach (var column in descriptor.GetProperty("columns").EnumerateArray())
        {
            names.Add(column.GetProperty("name").GetString() ?? "None");
            columns.Add(Column(column.GetProperty("col")));
        }
        return new DataFrame(Column(descriptor.GetProperty("index")), names, columns, Tree(descriptor.GetProperty("attrs")) as JsonObject);
    }

    private object Array(JsonElement descriptor) => descriptor.GetProperty("dtype").GetString() switch
    {
        "float64" => MemoryMarshal.Cast<byte, double>(Buffer(descriptor)).ToArray(),
        "int64" => MemoryMarshal.Cast<byte, long>(Buffer(descriptor)).ToArray(),
        "bool" => Buffer(descriptor).ToArray().Select(b => (object?)(b != 0)).ToArray(),
        _ => descriptor.GetProperty("v").EnumerateArray().Select(Item).ToArray(),
    };

    private Column Column(JsonElement descriptor)
    {
        switch (descriptor.GetProperty("dtype").GetString())
        {
            case "float64":
                return new Float64Column(MemoryMarshal.Cast<byte, double>(Buffer(descriptor)).ToArray());
            case "int64":
                return new Int64Column(MemoryMarshal.Cast<byte, long>(Buffer(descriptor)).ToArray());
            case "bool":
                return new BoolColumn(Buffer(descriptor).ToArray().Select(b => b != 0).ToArray());
            case "datetime64":
                var ns = MemoryMarshal.Cast<byte, long>(Buffer(descriptor));
                var ticks = new long[ns.Length];
                for (var i = 0; i < ticks.Length; i++)
                {
                    ticks[i] = ns[i] == long.MinValue ? DateTimeColumn.NaT : (ns[i] / 100) + UnixEpochTicks;
                }
                return new DateTimeColumn(ticks, descriptor.TryGetProperty("tz", out var tz) && tz.ValueKind == JsonValueKind.String);
            case "range":
                var start = descriptor.GetProperty("start").GetInt64();
                var step = descriptor.GetProperty("step").GetInt64();
                var count = Math.Max(0, (int)((descriptor.GetProperty("stop").GetInt64() - start + step - Math.Sign(step)) / step));
                var values = new long[count];
                for (var i = 0; i < count; i++)
                {
                    values[i] = start + (i * step);
                }
                return new Int64Column(values);
            case "string":
                return new ObjectColumn(descriptor.GetProperty("v").EnumerateArray().Select(Item).ToArray()) { IsStringDtype = true };
            default:
                return new ObjectColumn(descriptor.GetProperty("v").EnumerateArray().Select(Item).ToArray());
        }
    }

    private ReadOnlySpan<byte> Buffer(JsonElement descriptor) => buffers[descriptor.GetProperty("buf").GetInt32()].Span;

    /// <summary>An object-column or array item: plain JSON scalars, markers, or a JSON tree.</summary>
    private static object? Item(JsonElement item) => item.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => item.GetString(),
        JsonValueKind.Number => Number(item),
        JsonValueKind.Object when Marker(item) is { } marked => marked,
        _ => Tree(item),
    };

    /// <summary>A JSON tree with the channel's markers turned back into NaN/±inf doubles and timestamps.</summary>
    private static JsonNode? Tree(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (Marker(element) is { } marked)
                {
                    return marked is DateTime t ? JsonValue.Create(t) : JsonValue.Create((double)marked);
                }
                var obj = new JsonObject();
                foreach (var property in element.EnumerateObject())
                {
                    obj[property.Name] = Tree(property.Value);
                }
                return obj;
            case JsonValueKind.Array:
                var array = new JsonArray();
                foreach (var item in element.EnumerateArray())
                {
                    array.Add(Tree(item));
                }
                return array;
            case JsonValueKind.String:
                return JsonValue.Create(element.GetString());
            case JsonValueKind.Number:
                return Number(element) switch
                {
                    long l => JsonValue.Create(l),
                    double d => JsonValue.Create(d),
                    _ => JsonValue.Create(element.Clone()),
                };
            case JsonValueKind.True:
                return JsonValue.Create(true);
            case JsonValueKind.False:
                return JsonValue.Create(false);
            default:
                return null;
        }
    }

    private static object? Marker(JsonElement element)
    {
        using var properties = element.EnumerateObject();
        if (!properties.MoveNext())
        {
            return null;
        }
        var first = properties.Current;
        if (properties.MoveNext())
        {
            return null;
        }
        return first.Name switch
        {
            "__rw_float__" => Float(first.Value),
            "__rw_datetime__" => ParseDate(first.Value.GetString()!),
            _ => null,
        };
    }

    // Python keeps ints and floats apart (1 vs 1.0), and so does the result encoding: keep the worker's spelling.
    private static object Number(JsonElement number)
    {
        var raw = number.GetRawText();
        if (raw.AsSpan().IndexOfAny(".eE") < 0 && number.TryGetInt64(out var l))
        {
            return l;
        }
        return raw.AsSpan().IndexOfAny(".eE") >= 0 ? number.GetDouble() : number.Clone();
    }

    private static double Float(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? value.GetString() switch
        {
            "nan" => double.NaN,
            "inf" => double.PositiveInfinity,
            "-inf" => double.NegativeInfinity,
            var other => throw new InvalidDataException($"Unknown float '{other}' from the Python worker."),
        }
        : value.GetDouble();

    private static DateTime ParseDate(string iso)
    {
        var value = DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        var hasOffset = iso.Length > 19 && (iso.EndsWith('Z') || iso[^6] is '+' or '-');
        return hasOffset ? value.UtcDateTime : DateTime.SpecifyKind(value.DateTime, DateTimeKind.Unspecified);
    }
}
