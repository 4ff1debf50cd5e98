using System.Text.Json.Nodes;
using Npgsql;
using Runwire.Core.Adapters;
using Runwire.DataAdapters.Frames;
using Runwire.DataAdapters.Protocol;

namespace Runwire.DataAdapters.Sql;

/// <summary>
/// hetida's SQL adapter (<c>sql-adapter</c>) on PostgreSQL: tables and free <c>sql_query</c> sources as DATAFRAME,
/// timeseries tables as MULTITSFRAME filtered by <c>metrics</c>, <c>timestampFrom</c> and <c>timestampTo</c>; sinks
/// append to (or replace) configured tables. Sources run read-only with a statement timeout; filter values are bound
/// as parameters; table and column names come from configuration or from the database's own table list.
/// </summary>
public sealed partial class SqlAdapter : IProtocolAdapter, IAsyncDisposable
{
    public const string AdapterId = "sql-adapter";
    private readonly Dictionary<string, SqlDatabase> _databases;
    private readonly SqlOptions _options;

    public SqlAdapter(SqlOptions options)
    {
        _options = options;
        _databases = options.Databases.ToDictionary(d => d.Key, d => new SqlDatabase(d, options.StatementTimeoutSeconds));
    }

    public string Id => AdapterId;

    public InfoResponse Info { get; } = new(AdapterId, "SQL Adapter", typeof(SqlAdapter).Assembly.GetName().Version?.ToString(3) ?? "dev");

    public StructureResponse? Structure(string? parentId)
    {
        if (parentId is null)
        {
            return new StructureResponse(AdapterId, "SQL Adapter",
                [.. _databases.Values.Select(d => new ThingNode(d.Options.Key, null, d.Options.Name, "Configured database " + d.Options.Name))], [], []);
        }
        return _databases.TryGetValue(parentId, out var db)
            ? new StructureResponse("db/" + parentId, db.Options.Name, [], SourcesOf(db), SinksOf(db))
            : null;
    }

    public IReadOnlyList<StructureItem> Sources(string? filter) => StructureItem.Matching(_databases.Values.SelectMany(SourcesOf), filter);

    public IReadOnlyList<StructureItem> Sinks(string? filter) => StructureItem.Matching(_databases.Values.SelectMany(SinksOf), filter);

    public StructureItem? FindSource(string id)
    {
        if (SqlId.Parse(id) is not { } sqlId || !_databases.TryGetValue(sqlId.DbKey, out var db))
        {
            return null;
        }
        return sqlId.Kind switch
        {
            SqlIdKind.Query => QuerySource(db),
            SqlIdKind.Table when db.AllowedSource(sqlId.Table) => TableSource(db, sqlId.Table),
            SqlIdKind.TimeseriesTable when db.Options.TimeseriesTables.ContainsKey(sqlId.Table) => TimeseriesSource(db, sqlId.Table),
            _ => null,
        };
    }

    public StructureItem? FindSink(string id) =>
        SqlId.Parse(id) is { } sqlId && _databases.TryGetValue(sqlId.DbKey, out var db)
            ? SinksOf(db).FirstOrDefault(s => s.Id == sqlId.ToString())
            : null;

    public ThingNode? FindThingNode(string id) =>
        _databases.TryGetValue(id, out var db) ? new ThingNode(id, null, db.Options.Name, "Configured database " + db.Options.Name) : null;

    public async ValueTask DisposeAsync()
    {
        foreach (var db in _databases.Values)
        {
            await db.DisposeAsync().ConfigureAwait(false);
        }
    }

    private List<StructureItem> SourcesOf(SqlDatabase db)
    {
        List<string> tables;
        try
        {
            tables = db.SourceTablesAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (NpgsqlException)
        {
            tables = [];
        }
        return [QuerySource(db), .. tables.Select(t => TableSource(db, t)), .. db.Options.TimeseriesTables.Keys.Select(t => TimeseriesSource(db, t))];
    }

    private static List<StructureItem> SinksOf(SqlDatabase db)
    {
        var o = db.Options;
        return
        [
            .. o.AppendTables.Select(t => Item(db, "append_table", t, "Append Table " + t, "dataframe")),
            .. o.ReplaceTables.Select(t => Item(db, "replace_table", t, "Replace Table " + t, "dataframe")),
            .. o.TimeseriesTables.Where(t => t.Value.Appendable).Select(t => Item(db, "appendable_ts_table", t.Key, "Timeseries Table " + t.Key, "multitsframe")),
        ];
    }

    private static StructureItem QuerySource(SqlDatabase db) =>
        new(db.Options.Key + "/query", db.Options.Key, "SQL Query in " + db.Options.Name, "dataframe",
            db.Options.Key + "|" + db.Options.Name + "/query/sql",
            Filters: new Dictionary<string, StructureFilter> { ["sql_query"] = StructureFilter.FreeText(" SQL Query", true) });

    private static StructureItem TableSource(SqlDatabase db, string table) => Item(db, "table", table, "Table " + table, "dataframe");

    private static StructureItem TimeseriesSource(SqlDatabase db, string table) =>
        Item(db, "ts_table", table, "Timeseries Table " + table, "multitsframe") with
        {
            Filters = new Dictionary<string, StructureFilter> { ["metrics"] = StructureFilter.FreeText("Metrics (json array or just comma separated or ALL)", true) },
        };

    private static StructureItem Item(SqlDatabase db, string kind, string table, string name, string type) =>
        new($"{db.Options.Key}/{kind}/{table}", db.Options.Key, name, type, $"{db.Options.Key}|{db.Options.Name}/{kind}/{table}");

    private static AdapterException Handling(string message, Exception? inner = null) => new(WiringChecks.Handling, message, inner);

    private static JsonObject IntervalAttrs(DateTime from, DateTime to, string[]? metrics) => new()
    {
        ["ref_interval_start_timestamp"] = Timestamps.Iso(from.Ticks, true),
        ["ref_interval_end_timestamp"] = Timestamps.Iso(to.Ticks, true),
        ["ref_interval_type"] = "closed",
        ["ref_metrics"] = metrics is null ? null : new JsonArray([.. metrics.Select(m => (JsonNode?)m)]),
    };
}
