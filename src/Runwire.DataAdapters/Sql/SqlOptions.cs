namespace Runwire.DataAdapters.Sql;

/// <summary>
/// Settings of the SQL adapter (<c>Runwire:Adapters:Sql</c>): the PostgreSQL databases it offers, a statement timeout
/// for every source and sink statement, and the most rows one source may return or one sink may write.
/// </summary>
public sealed record SqlOptions(IReadOnlyList<SqlDatabaseOptions> Databases, int StatementTimeoutSeconds = 60, int MaxRows = 20_000_000);

/// <summary>
/// One database, following hetida's SQLAdapterDBConfig: every table of the current schema is a DATAFRAME source
/// (unless ignored, or not in <paramref name="ExplicitSourceTables"/> when that is set); only the listed tables are sinks.
/// </summary>
public sealed record SqlDatabaseOptions(
    string Key,
    string Name,
    string ConnectionString,
    IReadOnlyList<string>? AppendTables = null,
    IReadOnlyList<string>? ReplaceTables = null,
    IReadOnlyList<string>? IgnoreTables = null,
    IReadOnlyList<string>? ExplicitSourceTables = null,
    IReadOnlyDictionary<string, TimeseriesTableOptions>? TimeseriesTables = null)
{
    public IReadOnlyList<string> AppendTables { get; init; } = AppendTables ?? [];

    public IReadOnlyList<string> ReplaceTables { get; init; } = ReplaceTables ?? [];

    public IReadOnlyList<string> IgnoreTables { get; init; } = IgnoreTables ?? [];

    public IReadOnlyDictionary<string, TimeseriesTableOptions> TimeseriesTables { get; init; } =
        TimeseriesTables ?? new Dictionary<string, TimeseriesTableOptions>();
}

/// <summary>A table of (timestamp, metric, value…) rows offered as MULTITSFRAME (hetida's TimeseriesTableConfig).</summary>
public sealed record TimeseriesTableOptions(
    bool Appendable = true,
    string MetricColumn = "metric",
    string TimestampColumn = "timestamp",
    IReadOnlyList<string>? FetchableValueColumns = null,
    IReadOnlyList<string>? WritableValueColumns = null)
{
    public IReadOnlyList<string> FetchableValueColumns { get; init; } = FetchableValueColumns ?? ["value"];

    public IReadOnlyList<string> WritableValueColumns { get; init; } = WritableValueColumns ?? ["value"];
}
