using System.Text.Json.Nodes;
using Runwire.Core.Adapters;
using Runwire.Core.Data;
using Runwire.DataAdapters.Protocol;

namespace Runwire.DataAdapters.GenericRest;

/// <summary>Conversions between engine values and the protocol's records, with hetida's checks of outgoing data.</summary>
internal static class RestRecords
{
    private static readonly HashSet<string> MultiTsColumns = ["timestamp", "metric", "value"];

    /// <summary>One timeseries out of a <c>/timeseries</c> answer: indexed by timestamp, sorted, named by id, attrs from the header entry.</summary>
    public static Series ExtractSeries(DataFrame records, string id, string type)
    {
        if (records.ColumnNames.Count == 0)
        {
            return new Series(new DateTimeColumn([], true), EmptyValues(type), id, Attrs(records, id));
        }
        int ids = records.IndexOf("timeseriesId"), stamps = records.IndexOf("timestamp"), values = records.IndexOf("value");
        if (ids < 0 || stamps < 0 || values < 0)
        {
            throw new AdapterException(WiringChecks.Handling,
                $"Missing keys in received timeseries records. Got columns Index([{string.Join(", ", records.ColumnNames.Select(c => $"'{c}'"))}], dtype='object') "
                + $"with dataframe of shape ({records.RowCount}, {records.ColumnNames.Count})");
        }
        var idColumn = records.Columns[ids];
        var rows = Enumerable.Range(0, records.RowCount).Where(r => Convert.ToString(idColumn.GetValue(r), System.Globalization.CultureInfo.InvariantCulture) == id).ToArray();
        return new Series(records.Columns[stamps].Take(rows), records.Columns[values].Take(rows), id, Attrs(records, id)).SortIndex();
    }

    /// <summary>A series as hetida posts it: records of value and nanosecond UTC timestamp (send_ts_data.py).</summary>
    public static (string[] Names, Column[] Columns, int Rows) Timeseries(object? value, string type)
    {
        if (value is not Series series)
        {
            throw new AdapterException(WiringChecks.OutputData,
                $"Did not receive Pandas Series as expected from workflow output. Got {WiringChecks.PyClass(value)} instead.");
        }
        if (series.Length == 0)
        {
            return (["value", "timestamp"], [new ObjectColumn([]), new DateTimeColumn([], true)], 0);
        }
        if (series.Index is not DateTimeColumn index)
        {
            throw new AdapterException(WiringChecks.OutputData,
                "Received Pandas Series does not have DatetimeTZDtype dtype index as expected for generic rest adapter timeseries endpoints. "
                + $"Got {Dtype(series.Index)} index dtype instead.");
        }
        if (!index.IsUtc)
        {
            throw new AdapterException(WiringChecks.OutputData,
                "Received Pandas Series index does not have UTC timezone but generic rest adapter only accepts UTC timeseries data. "
                + $"Got {Dtype(index)} index dtype instead.");
        }
        var kind = type[(type.IndexOf('(', StringComparison.Ordinal) + 1)..^1];
        var (expected, ok) = kind switch
        {
            "float" => ("float", series.Values is Float64Column),
            "int" => ("int", series.Values is Int64Column),
            "boolean" => ("bool", series.Values is BoolColumn),
            "string" => ("string", series.Values is ObjectColumn),
            _ => ("", true),
        };
        if (!ok)
        {
            throw new AdapterException(WiringChecks.OutputData, $"Expected {expected} value dtype for series but got {Dtype(series.Values)}.");
        }
        return (["value", "timestamp"], [series.Values, index], series.Length);
    }

    /// <summary>A multitsframe as hetida posts it (send_multitsframe.py): exactly timestamp, metric and value, no nulls in the keys, UTC timestamps.</summary>
    public static DataFrame MultiTsFrame(object? value)
    {
        var df = WiringChecks.RequireFrame(value);
        if (df.RowCount == 0)
        {
            return df;
        }
        if (!df.ColumnNames.ToHashSet().SetEquals(MultiTsColumns))
        {
            throw new AdapterException(WiringChecks.OutputData,
                $"Received Pandas Dataframe has column names {string.Join(", ", df.ColumnNames)} that don't match the column names required for a MultiTSFrame timestamp, metric, value.");
        }
        var metric = df.Columns[df.IndexOf("metric")];
        var stamps = df.Columns[df.IndexOf("timestamp")];
        if (Enumerable.Range(0, df.RowCount).Any(metric.IsMissing))
        {
            throw new AdapterException(WiringChecks.OutputData, "Received Pandas Dataframe with null values in the column 'metric'.");
        }
        if (Enumerable.Range(0, df.RowCount).Any(stamps.IsMissing))
        {
            throw new AdapterException(WiringChecks.OutputData, "Received Pandas Dataframe with null values in the column 'timestamp'.");
        }
        if (stamps is not DateTimeColumn { IsUtc: true })
        {
            throw new AdapterException(WiringChecks.OutputData,
                "Column 'timestamp' of the received Pandas Dataframe does not have DatetimeTZDtype dtype index as expected for generic rest adapter multitsframe endpoints. "
                + $"Got {Dtype(stamps)} index dtype instead.");
        }
        return df;
    }

    public static object? MetadatumValue(JsonNode? value, string valueType) => value switch
    {
        null => null,
        JsonValue v when valueType == "int" && v.TryGetValue<long>(out var l) => (object?)l,
        JsonValue v when valueType == "float" && v.TryGetValue<double>(out var d) => (object?)d,
        JsonValue v when valueType == "boolean" && v.TryGetValue<bool>(out var b) => (object?)b,
        JsonValue v when valueType == "string" && v.TryGetValue<string>(out var s) => (object?)s,
        JsonValue v when valueType == "any" && v.TryGetValue<string>(out var s) => (object?)s,
        JsonValue v when valueType == "any" && v.TryGetValue<bool>(out var b) => (object?)b,
        JsonValue v when valueType == "any" && v.TryGetValue<long>(out var l) => (object?)l,
        JsonValue v when valueType == "any" && v.TryGetValue<double>(out var d) => (object?)d,
        JsonNode n when valueType == "any" => (object?)n.DeepClone(),
        _ => throw new AdapterException(WiringChecks.Handling, $"Received metadatum value {value.ToJsonString()} cannot be parsed as the declared data type {valueType.ToUpperInvariant()}."),
    };

    public static JsonNode? MetadatumJson(object? value) => value switch
    {
        null => null,
        double d when !double.IsFinite(d) => null,
        double d => d,
        long l => l,
        bool b => b,
        string s => s,
        JsonNode n => n.DeepClone(),
        _ => throw new AdapterException(WiringChecks.OutputData, $"Metadatum of type {WiringChecks.PyClass(value)} cannot be sent as JSON."),
    };

    public static string Dtype(Column column) => column switch
    {
        Float64Column => "float64",
        Int64Column => "int64",
        BoolColumn => "bool",
        DateTimeColumn { IsUtc: true } => "datetime64[ns, UTC]",
        DateTimeColumn => "datetime64[ns]",
        _ => "object",
    };

    private static JsonObject Attrs(DataFrame records, string id) => records.Attrs[id] is JsonObject o ? (JsonObject)o.DeepClone() : [];

    private static Column EmptyValues(string type) => type switch
    {
        "timeseries(float)" => new Float64Column([]),
        "timeseries(int)" => new Int64Column([]),
        "timeseries(boolean)" => new BoolColumn([]),
        _ => new ObjectColumn([]),
    };
}
