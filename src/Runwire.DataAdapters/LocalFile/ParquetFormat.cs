using Parquet;
using Parquet.Schema;
using Runwire.Core.Data;

namespace Runwire.DataAdapters.LocalFile;

/// <summary>
/// Parquet files read column by column straight into the frame's arrays (no per-row boxing): integers without nulls
/// stay int64, with nulls become float64 with NaN like pandas, timestamps adjusted to UTC become tz-aware columns.
/// A pandas index stored as <c>__index_level_0__</c> becomes the index again.
/// </summary>
internal static class ParquetFormat
{
    private const string IndexColumn = "__index_level_0__";

    public static async Task<DataFrame> ReadAsync(string path, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: ct).ConfigureAwait(false);
        var fields = reader.Schema.GetDataFields();
        var total = 0L;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            total += group.RowCount;
        }
        var rows = checked((int)total);
        var names = new List<string>();
        var columns = new List<Column>();
        Column? index = null;
        foreach (var field in fields)
        {
            var column = await ReadColumnAsync(reader, field, rows, ct).ConfigureAwait(false);
            if (field.Name == IndexColumn)
            {
                index = column;
                continue;
            }
            names.Add(field.Name);
            columns.Add(column);
        }
        return new DataFrame(index ?? Column.Range(rows), names, columns);
    }

    public static async Task WriteAsync(DataFrame frame, Stream stream, CancellationToken ct)
    {
        var writeIndex = !CsvFormat.IsRangeIndex(frame.Index);
        var sources = (writeIndex ? new[] { (Name: IndexColumn, Column: frame.Index) } : [])
            .Concat(frame.ColumnNames.Select((n, i) => (Name: n, Column: frame.Columns[i]))).ToList();
        var fields = sources.Select(s => Field(s.Name, s.Column)).ToArray();
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, cancellationToken: ct).ConfigureAwait(false);
        // Row groups of bounded size keep the writer's buffers small however long the frame is.
        for (var start = 0; start < frame.RowCount || (start == 0 && frame.RowCount == 0); start += RowGroupRows)
        {
            var n = Math.Min(RowGroupRows, frame.RowCount - start);
            using var group = writer.CreateRowGroup();
            for (var i = 0; i < fields.Length; i++)
            {
                await WriteSliceAsync(group, fields[i], sources[i].Column, start, n, ct).ConfigureAwait(false);
            }
            if (frame.RowCount == 0)
            {
                break;
            }
        }
    }

    private const int RowGroupRows = 1 << 17;

    private static async Task WriteSliceAsync(ParquetRowGroupWriter group, DataField field, Column column, int start, int n, CancellationToken ct)
    {
        switch (column)
        {
            case Float64Column f:
                await group.WriteAsync<double>(field, f.Values.AsMemory(start, n), cancellationToken: ct).ConfigureAwait(false);
                break;
            case Int64Column l:
                await group.WriteAsync<long>(field, l.Values.AsMemory(start, n), cancellationToken: ct).ConfigureAwait(false);
                break;
            case BoolColumn b:
                await group.WriteAsync<bool>(field, b.Values.AsMemory(start, n), cancellationToken: ct).ConfigureAwait(false);
                break;
            case DateTimeColumn d when !field.IsNullable:
                var stamps = new DateTime[n];
                for (var r = 0; r < n; r++)
                {
                    stamps[r] = new DateTime(d.Ticks[start + r], d.IsUtc ? DateTimeKind.Utc : DateTimeKind.Unspecified);
                }
                await group.WriteAsync<DateTime>(field, stamps, cancellationToken: ct).ConfigureAwait(false);
                break;
            case DateTimeColumn d:
                var optional = new DateTime?[n];
                for (var r = 0; r < n; r++)
                {
                    var t = d.Ticks[start + r];
                    optional[r] = t == DateTimeColumn.NaT ? null : new DateTime(t, d.IsUtc ? DateTimeKind.Utc : DateTimeKind.Unspecified);
                }
                await group.WriteAsync<DateTime>(field, optional, cancellationToken: ct).ConfigureAwait(false);
                break;
            default:
                var texts = new string?[n];
                for (var r = 0; r < n; r++)
                {
                    texts[r] = column.GetValue(start + r) switch
                    {
                        null => null,
                        double x when double.IsNaN(x) => null,
                        var x => Convert.ToString(x, System.Globalization.CultureInfo.InvariantCulture),
                    };
                }
                await group.WriteAsync(field, texts).ConfigureAwait(false);
                break;
        }
    }

    private static DataField Field(string name, Column column) => column switch
    {
        Float64Column => new DataField<double>(name, false),
        Int64Column => new DataField<long>(name, false),
        BoolColumn => new DataField<bool>(name, false),
        DateTimeColumn d => new DateTimeDataField(name, DateTimeFormat.Timestamp, d.IsUtc, DateTimeTimeUnit.Nanos,
            isNullable: Array.IndexOf(d.Ticks, DateTimeColumn.NaT) >= 0),
        _ => new DataField<string>(name, true),
    };

    private static async Task<Column> ReadColumnAsync(ParquetReader reader, DataField field, int rows, CancellationToken ct)
    {
        var type = field.ClrType;
        if (type == typeof(double))
        {
            var values = new double[rows];
            await ReadIntoAsync<double, double>(reader, field, values, double.NaN, v => v, ct).ConfigureAwait(false);
            return new Float64Column(values);
        }
        if (type == typeof(float))
        {
            var values = new double[rows];
            await ReadIntoAsync<float, double>(reader, field, values, double.NaN, v => v, ct).ConfigureAwait(false);
            return new Float64Column(values);
        }
        if (type == typeof(long) || type == typeof(int))
        {
            // pandas reads integers with nulls as float64 with NaN
            var longs = new long[rows];
            var nulls = type == typeof(long)
                ? await ReadIntoAsync<long, long>(reader, field, longs, 0, v => v, ct).ConfigureAwait(false)
                : await ReadIntoAsync<int, long>(reader, field, longs, 0, v => v, ct).ConfigureAwait(false);
            if (nulls is null)
            {
                return new Int64Column(longs);
            }
            var doubles = new double[rows];
            for (var i = 0; i < rows; i++)
            {
                doubles[i] = nulls[i] ? double.NaN : longs[i];
            }
            return new Float64Column(doubles);
        }
        if (type == typeof(bool))
        {
            var values = new bool[rows];
            var nulls = await ReadIntoAsync<bool, bool>(reader, field, values, false, v => v, ct).ConfigureAwait(false);
            return nulls is null ? new BoolColumn(values) : new ObjectColumn([.. values.Select((v, i) => nulls[i] ? null : (object?)v)]);
        }
        if (type == typeof(DateTime))
        {
            var ticks = new long[rows];
            await ReadIntoAsync<DateTime, long>(reader, field, ticks, DateTimeColumn.NaT, v => v.Ticks, ct).ConfigureAwait(false);
            return new DateTimeColumn(ticks, field is DateTimeDataField { IsAdjustedToUTC: true });
        }
        var texts = new string?[rows];
        var offset = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = (int)group.RowCount;
            await group.ReadAsync(field, texts.AsMemory(offset, n), cancellationToken: ct).ConfigureAwait(false);
            offset += n;
        }
        return new ObjectColumn(texts);
    }

    /// <summary>
    /// Reads a column row group by row group into <paramref name="target"/>, converting each value; only one row group's
    /// values are ever held twice. Returns the null mask when the column had nulls (their slots get <paramref name="missing"/>).
    /// </summary>
    private static async Task<bool[]?> ReadIntoAsync<T, TOut>(ParquetReader reader, DataField field, TOut[] target, TOut missing, Func<T, TOut> convert, CancellationToken ct)
        where T : struct
    {
        bool[]? nulls = null;
        var offset = 0;
        // one conversion buffer for all row groups, sized for the largest
        var largest = Enumerable.Range(0, reader.RowGroupCount).Max(g => (int?)reader.RowGroups[g].RowCount) ?? 0;
        T[]? plain = null;
        T?[]? optional = null;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = (int)group.RowCount;
            if (!field.IsNullable && target is T[] same)
            {
                await group.ReadAsync(field, same.AsMemory(offset, n), cancellationToken: ct).ConfigureAwait(false);
            }
            else if (!field.IsNullable)
            {
                var buffer = plain ??= new T[largest];
                await group.ReadAsync(field, buffer.AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
                for (var i = 0; i < n; i++)
                {
                    target[offset + i] = convert(buffer[i]);
                }
            }
            else
            {
                var buffer = optional ??= new T?[largest];
                await group.ReadAsync(field, buffer.AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
                for (var i = 0; i < n; i++)
                {
                    if (buffer[i] is { } v)
                    {
                        target[offset + i] = convert(v);
                    }
                    else
                    {
                        target[offset + i] = missing;
                        (nulls ??= new bool[target.Length])[offset + i] = true;
                    }
                }
            }
            offset += n;
        }
        return nulls;
    }
}
