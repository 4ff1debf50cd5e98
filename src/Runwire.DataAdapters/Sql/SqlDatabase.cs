using Npgsql;

namespace Runwire.DataAdapters.Sql;

/// <summary>
/// One configured database at run time. Reads go through a data source whose sessions start read-only
/// (<c>default_transaction_read_only</c>) with the statement timeout, so even a statement that ends its transaction
/// cannot write; writes use a second data source with the same timeout. Sessions run in UTC.
/// </summary>
internal sealed class SqlDatabase : IAsyncDisposable
{
    public SqlDatabase(SqlDatabaseOptions options, int timeoutSeconds)
    {
        Options = options;
        var timeout = $"-c statement_timeout={timeoutSeconds * 1000} -c TimeZone=UTC";
        Reader = Build(options.ConnectionString, timeout + " -c default_transaction_read_only=on");
        Writer = Build(options.ConnectionString, timeout);
    }

    public SqlDatabaseOptions Options { get; }

    public NpgsqlDataSource Reader { get; }

    public NpgsqlDataSource Writer { get; }

    /// <summary>Tables and views of the session's schema that may be read as DATAFRAME sources.</summary>
    public async Task<List<string>> SourceTablesAsync(CancellationToken ct)
    {
        var tables = new List<string>();
        await using var cmd = Reader.CreateCommand(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1 LIMIT $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = 10_000 });
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var name = reader.GetString(0);
            if (AllowedSource(name))
            {
                tables.Add(name);
            }
        }
        return tables;
    }

    public bool AllowedSource(string table) =>
        (Options.ExplicitSourceTables is null || Options.ExplicitSourceTables.Contains(table))
        && !Options.IgnoreTables.Contains(table) && !Options.TimeseriesTables.ContainsKey(table) && table != SentLedger.Table;

    /// <summary>A PostgreSQL identifier in double quotes; names come from configuration or an existence check, never raw from a wiring.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public async ValueTask DisposeAsync()
    {
        await Reader.DisposeAsync().ConfigureAwait(false);
        await Writer.DisposeAsync().ConfigureAwait(false);
    }

    private static NpgsqlDataSource Build(string connectionString, string options)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionStrings.ToNpgsql(connectionString));
        builder.Options = string.IsNullOrEmpty(builder.Options) ? options : builder.Options + " " + options;
        return NpgsqlDataSource.Create(builder.ConnectionString);
    }
}
