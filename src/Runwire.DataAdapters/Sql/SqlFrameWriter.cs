using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Runwire.Core.Data;

namespace Runwire.DataAdapters.Sql;

/// <summary>
/// Appends a frame's columns (index dropped, as pandas' <c>to_sql(index=False)</c>) to a table with binary COPY inside
/// the caller's transaction. A missing table is created with types from the column dtypes; an existing table keeps its
/// types and each value is converted to them.
/// </summary>
internal static class SqlFrameWriter
{
    public static async Task AppendAsync(NpgsqlConnection connection, string table, IReadOnlyList<string> names, IReadOnlyList<Column> columns, CancellationToken ct)
    {
        var existing = await ColumnTypesAsync(connection, table, ct).ConfigureAwait(false);
        if (existing.Count == 0)
        {
            var definitions = names.Select((n, i) => SqlDatabase.Quote(n) + " " + SqlType(columns[i]));
            await using var create = new NpgsqlCommand($"CREATE TABLE {SqlDatabase.Quote(table)} ({string.Join(", ", definitions)})", connection);
            await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            existing = names.Select((n, i) => (n, SqlType(columns[i]))).ToDictionary(x => x.n, x => x.Item2);
        }
        var types = new NpgsqlDbType[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            types[i] = existing.TryGetValue(names[i], out var t)
                ? DbType(t) ?? throw new ArgumentException($"Column {names[i]} of table {table} has type {t}, which the SQL adapter does not write.")
                : throw new ArgumentException($"Table {table} has no column {names[i]}.");
        }
        var copy = $"COPY {SqlDatabase.Quote(table)} ({string.Join(", ", names.Select(SqlDatabase.Quote))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct).ConfigureAwait(false);
        var rows = columns.Count == 0 ? 0 : columns[0].Length;
        for (var r = 0; r < rows; r++)
        {
            await importer.StartRowAsync(ct).ConfigureAwait(false);
            for (var c = 0; c < columns.Count; c++)
            {
                await WriteAsync(importer, columns[c], r, types[c], ct).ConfigureAwait(false);
            }
        }
        await importer.CompleteAsync(ct).ConfigureAwait(false);
    }

    private static async Task<Dictionary<string, string>> ColumnTypesAsync(NpgsqlConnection connection, string table, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            "SELECT column_name::text, data_type::text FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1", connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = table });
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var result = new Dictionary<string, string>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            result[reader.GetString(0)] = reader.GetString(1);
        }
        return result;
    }

    private static string SqlType(Column column) => column switch
    {
        Float64Column => "double precision",
        Int64Column => "bigint",
        BoolColumn => "boolean",
        DateTimeColumn { IsUtc: true } => "timestamp with time zone",
        DateTimeColumn => "timestamp without time zone",
        _ => "text",
    };

    private static NpgsqlDbType? DbType(string sqlType) => sqlType switch
    {
        "double precision" => NpgsqlDbType.Double,
        "real" => NpgsqlDbType.Real,
        "numeric" => NpgsqlDbType.Numeric,
        "bigint" => NpgsqlDbType.Bigint,
        "integer" => NpgsqlDbType.Integer,
        "smallint" => NpgsqlDbType.Smallint,
        "boolean" => NpgsqlDbType.Boolean,
        "timestamp with time zone" => NpgsqlDbType.TimestampTz,
        "timestamp without time zone" => NpgsqlDbType.Timestamp,
        "text" or "character varying" or "character" => NpgsqlDbType.Text,
        _ => null,
    };

    private static Task WriteAsync(NpgsqlBinaryImporter importer, Column column, int row, NpgsqlDbType type, CancellationToken ct)
    {
        switch (column)
        {
            case Float64Column f when type == NpgsqlDbType.Double:
                return double.IsNaN(f.Values[row]) ? importer.WriteNullAsync(ct) : importer.WriteAsync(f.Values[row], type, ct);
            case Int64Column l when type == NpgsqlDbType.Bigint:
                return importer.WriteAsync(l.Values[row], type, ct);
            case DateTimeColumn d when type is NpgsqlDbType.TimestampTz or NpgsqlDbType.Timestamp:
                return d.Ticks[row] == DateTimeColumn.NaT
                    ? importer.WriteNullAsync(ct)
                    // naive values go to timestamptz as UTC, like hetida's pd.to_datetime(utc=True) before writing
                    : importer.WriteAsync(new DateTime(d.Ticks[row], type == NpgsqlDbType.TimestampTz ? DateTimeKind.Utc : DateTimeKind.Unspecified), type, ct);
        }
        var value = column.GetValue(row);
        if (value is null || value is double x && double.IsNaN(x))
        {
            return importer.WriteNullAsync(ct);
        }
        object converted = type switch
        {
            NpgsqlDbType.Double => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            NpgsqlDbType.Real => Convert.ToSingle(value, CultureInfo.InvariantCulture),
            NpgsqlDbType.Numeric => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
            NpgsqlDbType.Bigint => Convert.ToInt64(value, CultureInfo.InvariantCulture),
            NpgsqlDbType.Integer => Convert.ToInt32(value, CultureInfo.InvariantCulture),
            NpgsqlDbType.Smallint => Convert.ToInt16(value, CultureInfo.InvariantCulture),
            NpgsqlDbType.Boolean => Convert.ToBoolean(value, CultureInfo.InvariantCulture),
            NpgsqlDbType.TimestampTz => value is DateTime dt ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : throw new InvalidCastException($"'{value}' is not a timestamp."),
            NpgsqlDbType.Timestamp => value is DateTime dt ? DateTime.SpecifyKind(dt, DateTimeKind.Unspecified) : throw new InvalidCastException($"'{value}' is not a timestamp."),
            _ => value switch
            {
                bool b => b ? "True" : "False",
                DateTime dt => Frames.Timestamps.Iso(dt.Ticks, dt.Kind == DateTimeKind.Utc),
                var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
            },
        };
        return importer.WriteAsync(converted, type, ct);
    }
}
