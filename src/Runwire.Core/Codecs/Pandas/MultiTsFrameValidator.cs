using Runwire.Core.Data;

namespace Runwire.Core.Codecs.Pandas;

/// <summary>
/// hetida's <c>validate_multits_properties</c> (runtime/hdutils.py) with its error texts: at least three columns
/// including <c>timestamp</c> and <c>metric</c>, no nulls there, <c>metric</c> as strings, <c>timestamp</c> tz-aware
/// UTC, rows sorted by timestamp (index labels kept). A frame without columns becomes an empty MULTITSFRAME.
/// </summary>
internal static class MultiTsFrameValidator
{
    private static readonly string[] ColumnNames = ["timestamp", "metric", "value"];

    public static DataFrame Validate(DataFrame df)
    {
        if (df.ColumnNames.Count == 0)
        {
            // hetida builds a new frame here, so the wrapper's metadata is dropped as well
            df = new DataFrame(new ObjectColumn([]), ColumnNames, [.. ColumnNames.Select(_ => (Column)new ObjectColumn([]))]);
        }
        if (df.ColumnNames.Count < 3)
        {
            throw new ValueParseException("MultiTSFrame requires at least 3 columns: metric, timestamp"
                + $" and at least one additional columns. Only found {IndexRepr(df.ColumnNames)}");
        }
        var metricAt = df.IndexOf("metric");
        var timestampAt = df.IndexOf("timestamp");
        if (metricAt < 0 || timestampAt < 0)
        {
            throw new ValueParseException($"The column names {string.Join(", ", df.ColumnNames)} don't contain required columns"
                + " \"timestamp\" and \"metric\" for a MultiTSFrame.");
        }
        var metric = df.Columns[metricAt];
        if (Enumerable.Range(0, metric.Length).Any(metric.IsMissing))
        {
            throw new ValueParseException("No null values are allowed for the column 'metric' of a MulitTSFrame.");
        }
        df = df.WithColumn("metric", new ObjectColumn([.. Enumerable.Range(0, metric.Length).Select(i => (object?)PyFormat.Str(metric.GetValue(i)))])
        {
            IsStringDtype = true,
        });
        var timestamp = df.Columns[timestampAt];
        if (Enumerable.Range(0, timestamp.Length).Any(timestamp.IsMissing))
        {
            throw new ValueParseException("No null values are allowed for the column 'timestamp' of a MulitTSFrame.");
        }
        if (df.RowCount == 0)
        {
            timestamp = new DateTimeColumn([], isUtc: true);
            df = df.WithColumn("timestamp", timestamp);
        }
        if (timestamp is not DateTimeColumn { IsUtc: true } stamps)
        {
            throw new ValueParseException("Column 'timestamp' of MultiTSFrame does not have DatetimeTZDtype dtype. "
                + $"Got {DtypeName(timestamp)} index dtype instead.");
        }
        var zone = PandasTimezones.NameOf(stamps);
        if (zone != "UTC")
        {
            throw new ValueParseException($"Column 'timestamp' of MultiTSFrame does not have UTC timezone. Got {zone} timezone instead.");
        }
        // pandas sorts with quicksort, which keeps ties in input order for up to 16 rows; Runwire keeps them always.
        return df.Take(Ordering.StableOrder(stamps));
    }

    internal static string DtypeName(Column column) => column switch
    {
        Int64Column => "int64",
        Float64Column => "float64",
        BoolColumn => "bool",
        DateTimeColumn { IsUtc: true } => "datetime64[ns, UTC]",
        DateTimeColumn => "datetime64[ns]",
        _ => "object",
    };

    // str(df.columns) for string labels, e.g. Index(['a', 'b'], dtype='object')
    private static string IndexRepr(IReadOnlyList<string> names) =>
        $"Index([{string.Join(", ", names.Select(PyRepr.Of))}], dtype='object')";
}
