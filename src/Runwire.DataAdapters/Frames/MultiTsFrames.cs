using Runwire.Core.Data;

namespace Runwire.DataAdapters.Frames;

/// <summary>hetida's MULTITSFRAME rules (hdutils.py): metric and timestamp columns without nulls, UTC timestamps, sorted by timestamp.</summary>
internal static class MultiTsFrames
{
    public static readonly string[] ColumnNames = ["timestamp", "metric", "value"];

    /// <summary>The frame checked and sorted; throws <see cref="ArgumentException"/> with hetida's message when it is not one.</summary>
    public static DataFrame Validate(DataFrame df)
    {
        if (df.ColumnNames.Count == 0)
        {
            return new DataFrame(new Int64Column([]), ColumnNames,
                [new DateTimeColumn([], true), new ObjectColumn([]), new Float64Column([])], df.CloneAttrs());
        }
        if (df.ColumnNames.Count < 3)
        {
            throw new ArgumentException("MultiTSFrame requires at least 3 columns: metric, timestamp and at least one additional columns. "
                + $"Only found Index([{string.Join(", ", df.ColumnNames.Select(n => $"'{n}'"))}], dtype='object')");
        }
        var m = df.IndexOf("metric");
        var t = df.IndexOf("timestamp");
        if (m < 0 || t < 0)
        {
            throw new ArgumentException($"The column names {string.Join(", ", df.ColumnNames)} don't contain required columns \"timestamp\" and \"metric\" for a MultiTSFrame.");
        }
        var metric = df.Columns[m];
        var stamps = df.Columns[t];
        for (var i = 0; i < df.RowCount; i++)
        {
            if (metric.IsMissing(i))
            {
                throw new ArgumentException("No null values are allowed for the column 'metric' of a MulitTSFrame.");
            }
            if (stamps.IsMissing(i))
            {
                throw new ArgumentException("No null values are allowed for the column 'timestamp' of a MulitTSFrame.");
            }
        }
        if (stamps is not DateTimeColumn { IsUtc: true })
        {
            var dtype = stamps is DateTimeColumn ? "datetime64[ns]" : stamps.Kind.ToString().ToLowerInvariant();
            throw new ArgumentException($"Column 'timestamp' of MultiTSFrame does not have DatetimeTZDtype dtype. Got {dtype} index dtype instead.");
        }
        if (metric is not ObjectColumn || Enumerable.Range(0, metric.Length).Any(i => metric.GetValue(i) is not string))
        {
            var texts = new object?[metric.Length];
            for (var i = 0; i < texts.Length; i++)
            {
                texts[i] = Convert.ToString(metric.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            }
            df = df.WithColumn("metric", new ObjectColumn(texts));
        }
        return Ordering.SortPositions(stamps) is { } order ? df.Take(order) : df;
    }
}
