using Npgsql;
using Runwire.Core.Adapters;
using Runwire.Core.Data;
using Runwire.DataAdapters.Frames;

namespace Runwire.DataAdapters.Sql;

// Loading and sending: every statement text is built from quoted, configured or verified names; values are parameters.
public sealed partial class SqlAdapter
{
    public async Task<DataFrame> LoadFrameAsync(string id, string externalType, IReadOnlyDictionary<string, string> filters, CancellationToken ct)
    {
        if (SqlId.Parse(id) is not { } sqlId || !_databases.TryGetValue(sqlId.DbKey, out var db)
            || sqlId.Kind is not (SqlIdKind.Query or SqlIdKind.Table or SqlIdKind.TimeseriesTable))
        {
            throw Handling($"Invalid source id requested from sql adapter: {id}");
        }
        switch (sqlId.Kind)
        {
            case SqlIdKind.Query:
                var query = filters.GetValueOrDefault("sql_query")
                    ?? throw Handling($"Source of type query from sql adapter but no sql_query filter!\nSource id: {id}\nsource filters: {{{string.Join(", ", filters.Select(f => $"'{f.Key}': '{f.Value}'"))}}}");
                // The wrapped query goes out as one statement with a positional parameter, which PostgreSQL parses as
                // a single command: a second statement smuggled in after a semicolon is a syntax error, not a write.
                return await QueryAsync(db, $"SELECT * FROM ({query.TrimEnd().TrimEnd(';')}\n) AS runwire_query LIMIT $1", [], ct).ConfigureAwait(false);
            case SqlIdKind.Table:
                if (!db.AllowedSource(sqlId.Table) || !(await db.SourceTablesAsync(ct).ConfigureAwait(false)).Contains(sqlId.Table))
                {
                    throw Handling($"Invalid source id structure. Cannot find or identify source.source id: {id}");
                }
                return await QueryAsync(db, $"SELECT * FROM {SqlDatabase.Quote(sqlId.Table)} LIMIT $1", [], ct).ConfigureAwait(false);
            default:
                if (!db.Options.TimeseriesTables.TryGetValue(sqlId.Table, out var ts))
                {
                    throw Handling($"Invalid source id structure. Cannot find or identify source.source id: {id}");
                }
                return await TimeseriesAsync(db, sqlId.Table, ts, filters, id, ct).ConfigureAwait(false);
        }
    }

    public async Task SendFrameAsync(string id, string externalType, DataFrame frame, IReadOnlyDictionary<string, string> filters, AdapterContext context, CancellationToken ct)
    {
        var sink = SqlId.Parse(id) is { } s && _databases.TryGetValue(s.DbKey, out var db) && FindSink(id) is not null ? s : null;
        if (sink is null)
        {
            throw Handling($"Could not parse and validate sink id {id}. It names no configured database and sink table.");
        }
        db = _databases[sink.DbKey];
        if (frame.RowCount > _options.MaxRows)
        {
            throw Handling($"The frame for sink {id} has {frame.RowCount} rows, more than the limit of {_options.MaxRows} (Runwire:Adapters:Sql:MaxRows).");
        }
        var names = frame.ColumnNames;
        var columns = frame.Columns;
        if (sink.Kind == SqlIdKind.AppendableTimeseriesTable)
        {
            (names, columns) = TimeseriesColumns(frame, db.Options.TimeseriesTables[sink.Table], id);
        }
        try
        {
            await using var connection = await db.Writer.OpenConnectionAsync(ct).ConfigureAwait(false);
            if (context.Repeatable)
            {
                await SentLedger.EnsureAsync(connection, ct).ConfigureAwait(false);
            }
            await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            if (context.Repeatable && !await SentLedger.ClaimAsync(connection, tx, context, id, ct).ConfigureAwait(false))
            {
                // An earlier attempt of this send committed this output already.
                return;
            }
            if (sink.Kind == SqlIdKind.ReplaceTable)
            {
                await using var drop = new NpgsqlCommand($"DROP TABLE IF EXISTS {SqlDatabase.Quote(sink.Table)}", connection, tx);
                await drop.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            await SqlFrameWriter.AppendAsync(connection, sink.Table, names, columns, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException or InvalidCastException or FormatException or OverflowException)
        {
            throw Handling($"Sql adapter pandas to_sql writing error: {Message(e)}", e);
        }
    }

    private async Task<DataFrame> TimeseriesAsync(SqlDatabase db, string table, TimeseriesTableOptions ts, IReadOnlyDictionary<string, string> filters, string id, CancellationToken ct)
    {
        var metrics = MetricsFilter.Parse(filters.GetValueOrDefault("metrics"));
        var fromText = filters.GetValueOrDefault("timestampFrom");
        var toText = filters.GetValueOrDefault("timestampTo");
        if (fromText is null || toText is null)
        {
            throw Handling("Missing timestamp filters for multitsframe timeseries table source");
        }
        if (!Timestamps.TryParse(fromText, out var fromTicks, out _) || !Timestamps.TryParse(toText, out var toTicks, out _))
        {
            throw Handling($"Could not parse one of multitsframe timestamp filters: (timestampFrom: {fromText}), (timestampTo: {toText}).");
        }
        var from = new DateTime(fromTicks, DateTimeKind.Utc);
        var to = new DateTime(toTicks, DateTimeKind.Utc);
        var t = SqlDatabase.Quote(ts.TimestampColumn);
        var m = SqlDatabase.Quote(ts.MetricColumn);
        var columns = string.Join(", ", new[] { t, m }.Concat(ts.FetchableValueColumns.Select(SqlDatabase.Quote)));
        var sql = $"SELECT {columns} FROM {SqlDatabase.Quote(table)} WHERE {t} >= $2 AND {t} <= $3"
            + (metrics is null ? "" : $" AND {m} = ANY($4)") + " LIMIT $1";
        object[] parameters = metrics is null ? [from, to] : [from, to, metrics];
        var frame = await QueryAsync(db, sql, parameters, ct).ConfigureAwait(false);
        var stamps = frame.Columns[0] switch
        {
            DateTimeColumn d => new DateTimeColumn(d.Ticks, true),
            var other => RecordsReader.ToDates(other),
        };
        frame = frame.WithColumn(ts.TimestampColumn, stamps);
        var names = frame.ColumnNames.Select((n, i) => i == 0 ? "timestamp" : i == 1 ? "metric" : n).ToList();
        frame = new DataFrame(frame.Index, names, frame.Columns, IntervalAttrs(from, to, metrics));
        try
        {
            return MultiTsFrames.Validate(frame);
        }
        catch (ArgumentException e)
        {
            throw Handling($"Could not validate multi ts frame received via sql adapter from source id {id}. Error was: \n{e.Message}", e);
        }
    }

    private async Task<DataFrame> QueryAsync(SqlDatabase db, string sql, object[] parameters, CancellationToken ct)
    {
        try
        {
            await using var connection = await db.Reader.OpenConnectionAsync(ct).ConfigureAwait(false);
            // Never committed: disposing rolls back whatever a source statement might have changed.
            await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            await using var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, tx);
            await readOnly.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            await using var cmd = new NpgsqlCommand(sql, connection, tx);
            cmd.Parameters.Add(new NpgsqlParameter { Value = (long)_options.MaxRows + 1 });
            foreach (var p in parameters)
            {
                cmd.Parameters.Add(new NpgsqlParameter { Value = p });
            }
            await using var reader = await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct).ConfigureAwait(false);
            return await SqlFrameReader.ReadAsync(reader, _options.MaxRows,
                max => Handling($"The result has more than {max} rows, the limit of a source (Runwire:Adapters:Sql:MaxRows)."), ct).ConfigureAwait(false);
        }
        catch (NpgsqlException e)
        {
            throw Handling($"Sql adapter pandas sql query error: {Message(e)}", e);
        }
    }

    private static (IReadOnlyList<string>, IReadOnlyList<Column>) TimeseriesColumns(DataFrame frame, TimeseriesTableOptions ts, string id)
    {
        if (frame.IndexOf("timestamp") is var ti and >= 0 && frame.Columns[ti] is DateTimeColumn { IsUtc: false } naive)
        {
            frame = frame.WithColumn("timestamp", new DateTimeColumn(naive.Ticks, true));
        }
        try
        {
            frame = MultiTsFrames.Validate(frame);
        }
        catch (ArgumentException e)
        {
            throw Handling($"Could not validate multi ts frame prepared for sending via sql adapter with sink id {id}. Error was: \n{e.Message}", e);
        }
        var hd = HdKeyColumns.Concat(ts.WritableValueColumns).ToList();
        var db = new[] { ts.MetricColumn, ts.TimestampColumn }.Concat(ts.WritableValueColumns).ToList();
        if (hd.Any(c => frame.IndexOf(c) < 0))
        {
            throw Handling($"Could not find expected columns [{string.Join(", ", db.Select(c => $"'{c}'"))}] in the provided dataframe columns "
                + $"Index([{string.Join(", ", frame.ColumnNames.Select(c => $"'{c}'"))}], dtype='object'). Aborting write operation for sink id {id}");
        }
        return (db, [.. hd.Select(c => frame.Columns[frame.IndexOf(c)])]);
    }

    private static readonly string[] HdKeyColumns = ["metric", "timestamp"];

    private static string Message(Exception e) => e is PostgresException pg ? pg.MessageText : e.Message;
}
