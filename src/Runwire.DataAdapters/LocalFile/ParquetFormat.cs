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
        using var group = writer.CreateRowGroup();
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            switch (sources[i].Column)
            {
                case Float64Column f:
                    await group.WriteAsync<double>(field, f.Values, cancellationToken: ct).ConfigureAwait(false);
                    break;
                case Int64Column l:
                    await group.WriteAsync<long>(field, l.Values, cancellationToken: ct).ConfigureAwait(false);
                    break;
                case BoolColumn b:
                    await group.WriteAsync<bool>(field, b.Values, cancellationToken: ct).ConfigureAwait(false);
                    break;
                case DateTimeColumn d:
                    var stamps = new DateTime?[d.Length];
                    for (var r = 0; r < stamps.Length; r++)
                    {
                        stamps[r] = d.Ticks[r] == DateTimeColumn.NaT ? null : new DateTime(d.Ticks[r], d.IsUtc ? DateTimeKind.Utc : DateTimeKind.Unspecified);
                    }
                    await group.WriteAsync<DateTime>(field, stamps, cancellationToken: ct).ConfigureAwait(false);
                    break;
                case var other:
                    var texts = new string?[other.Length];
                    for (var r = 0; r < texts.Length; r++)
                    {
                        texts[r] = other.GetValue(r) switch
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
    }

    private static DataField Field(string name, Column column) => column switch
    {
        Float64Column => new DataField<double>(name, false),
        Int64Column => new DataField<long>(name, false),
        BoolColumn => new DataField<bool>(name, false),
        DateTimeColumn d => new DateTimeDataField(name, DateTimeFormat.Timestamp, d.IsUtc, DateTimeTimeUnit.Micros, isNullable: true),
        _ => new DataField<string>(name, true),
    };

    private static async Task<Column> ReadColumnAsync(ParquetReader reader, DataField field, int rows, CancellationToken ct)
    {
        var type = field.ClrType;
        if (type == typeof(double))
        {
            return new Float64Column(await ReadNumbersAsync<double>(reader, field, rows, v => v, ct).ConfigureAwait(false));
        }
        if (type == typeof(float))
        {
            return new Float64Column(await ReadNumbersAsync<float>(reader, field, rows, v => v, ct).ConfigureAwait(false));
        }
        if (type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(byte) || type == typeof(sbyte))
        {
            return await ReadIntegersAsync(reader, field, rows, ct).ConfigureAwait(false);
        }
        if (type == typeof(bool))
        {
            var values = await ReadAllAsync<bool>(reader, field, rows, ct).ConfigureAwait(false);
            return values.Any(v => v is null) ? new ObjectColumn([.. values.Select(v => (object?)v)]) : new BoolColumn([.. values.Select(v => v!.Value)]);
        }
        if (type == typeof(DateTime))
        {
            var values = await ReadAllAsync<DateTime>(reader, field, rows, ct).ConfigureAwait(false);
            var utc = field is DateTimeDataField { IsAdjustedToUTC: true };
            return new DateTimeColumn([.. values.Select(v => v?.Ticks ?? DateTimeColumn.NaT)], utc);
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

    private static async Task<double[]> ReadNumbersAsync<T>(ParquetReader reader, DataField field, int rows, Func<T, double> convert, CancellationToken ct)
        where T : struct
    {
        var result = new double[rows];
        if (!field.IsNullable && typeof(T) == typeof(double))
        {
            var offset = 0;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var n = (int)group.RowCount;
                await group.ReadAsync(field, result.AsMemory(offset, n), cancellationToken: ct).ConfigureAwait(false);
                offset += n;
            }
            return result;
        }
        var values = await ReadAllAsync<T>(reader, field, rows, ct).ConfigureAwait(false);
        for (var i = 0; i < rows; i++)
        {
            result[i] = values[i] is { } v ? convert(v) : double.NaN;
        }
        return result;
    }

    private static async Task<Column> ReadIntegersAsync(ParquetReader reader, DataField field, int rows, CancellationToken ct)
    {
        if (field.ClrType == typeof(long) && !field.IsNullable)
        {
            var longs = new long[rows];
            var offset = 0;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var n = (int)group.RowCount;
                await group.ReadAsync(field, longs.AsMemory(offset, n), cancellationToken: ct).ConfigureAwait(false);
                offset += n;
            }
            return new Int64Column(longs);
        }
        var values = field.ClrType == typeof(long)
            ? await ReadAllAsync<long>(reader, field, rows, ct).ConfigureAwait(false)
            : [.. (await ReadAllAsync<int>(reader, field, rows, ct).ConfigureAwait(false)).Select(v => (long?)v)];
        return values.Any(v => v is null)
            ? new Float64Column([.. values.Select(v => v is { } x ? (double)x : double.NaN)])
            : new Int64Column([.. values.Select(v => v!.Value)]);
    }

    private static async Task<T?[]> ReadAllAsync<T>(ParquetReader reader, DataField field, int rows, CancellationToken ct)
        where T : struct
    {
        var result = new T?[rows];
        var offset = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = (int)group.RowCount;
            await group.ReadAsync(field, result.AsMemory(offset, n), cancellationToken: ct).ConfigureAwait(false);
            offset += n;
        }
        return result;
    }
}
