using Runwire.Core.Adapters;
using Runwire.Core.Data;
using Runwire.DataAdapters.Tests.Support;

namespace Runwire.DataAdapters.Tests.Sql;

/// <summary>
/// Attempts to change the database through wirings: statements smuggled into the read-only <c>sql_query</c>, filter
/// values and ids that try to break out of quoting. Every one fails or reads only; the victim table keeps its row,
/// no table appears or disappears.
/// </summary>
public sealed class SqlInjectionTests(SqlFixture db) : IClassFixture<SqlFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> QueryAttempts =>
    [
        "SELECT 1; DROP TABLE victims",
        "SELECT 1) AS q; DROP TABLE victims; --",
        "SELECT 1) AS q; COMMIT; DROP TABLE victims; SELECT * FROM (SELECT 1",
        "DELETE FROM victims RETURNING *",
        "WITH d AS (DELETE FROM victims RETURNING *) SELECT * FROM d",
        "SELECT * FROM victims FOR UPDATE",
        "SELECT 1) AS q; SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE; DROP TABLE victims; --",
        "SELECT set_config('default_transaction_read_only', 'off', false)) AS q; DROP TABLE victims; --",
        "SELECT * FROM dblink('dbname=postgres', 'DROP TABLE victims') AS t(x text)",
        "SELECT lo_import('/etc/passwd')",
        "INSERT INTO victims VALUES ('owned') RETURNING *",
        "SELECT 1;\nUPDATE victims SET secret = 'owned'",
    ];

    public static TheoryData<string, string, string> FilterAttempts => new()
    {
        { "plant/ts_table/readings", "metrics", "temp'); DROP TABLE victims; --" },
        { "plant/ts_table/readings", "metrics", "[\"temp\\\" OR 1=1; DROP TABLE victims; --\"]" },
        { "plant/ts_table/readings", "timestampFrom", "2024-01-01'; DROP TABLE victims; --" },
        { "plant/table/victims\"; DROP TABLE victims; --", "x", "y" },
        { "plant/table/machines; DROP TABLE victims", "x", "y" },
        { "plant/ts_table/readings\"; DROP TABLE victims; --", "metrics", "ALL" },
    };

    [Theory]
    [MemberData(nameof(QueryAttempts))]
    public async Task SqlQuery_WritingStatement_NeverChangesTheDatabase(string query)
    {
        await using var adapter = db.Adapter();
        var tables = await Tables();

        var largeObjects = await db.Postgres.ScalarAsync("SELECT count(*) FROM pg_largeobject_metadata");

        try
        {
            await adapter.LoadFrameAsync("plant/query", "dataframe", new Dictionary<string, string> { ["sql_query"] = query }, Ct);
        }
        catch (AdapterException e)
        {
            // refused by PostgreSQL itself (syntax, read-only transaction), not by a broken connection
            Assert.StartsWith("Sql adapter pandas sql query error: ", e.Message);
        }

        // a source's transaction is never committed, so even a function that writes leaves nothing behind
        Assert.Equal(largeObjects, await db.Postgres.ScalarAsync("SELECT count(*) FROM pg_largeobject_metadata"));

        Assert.Equal("untouched", await db.Postgres.ScalarAsync("SELECT string_agg(secret, ',') FROM victims"));
        Assert.Equal(tables, await Tables());
    }

    [Theory]
    [MemberData(nameof(FilterAttempts))]
    public async Task FilterOrId_QuoteBreakout_BoundOrRefused(string id, string filter, string value)
    {
        await using var adapter = db.Adapter();
        var tables = await Tables();
        var filters = new Dictionary<string, string>
        {
            ["metrics"] = "ALL", ["timestampFrom"] = "2024-01-01T00:00:00Z", ["timestampTo"] = "2024-01-02T00:00:00Z", [filter] = value,
        };

        try
        {
            var frame = await adapter.LoadFrameAsync(id, id.Contains("ts_table", StringComparison.Ordinal) ? "multitsframe" : "dataframe", filters, Ct);
            // a bound metrics value is just a metric name no row has
            Assert.Equal(0, frame.RowCount);
        }
        catch (AdapterException e)
        {
            Assert.Equal("AdapterHandlingException", e.TypeName);
        }

        Assert.Equal("untouched", await db.Postgres.ScalarAsync("SELECT string_agg(secret, ',') FROM victims"));
        Assert.Equal(tables, await Tables());
    }

    [Fact]
    public async Task AppendSink_ColumnNameWithQuotes_QuotedAsOneIdentifier()
    {
        await using var adapter = db.Adapter();
        var evil = "a\" text); DROP TABLE victims; --";

        await Assert.ThrowsAsync<AdapterException>(() => adapter.SendFrameAsync("plant/append_table/results", "dataframe",
            TestFrames.Make((evil, new Int64Column([1]))), new Dictionary<string, string>(), new AdapterContext(Guid.NewGuid(), Guid.Empty), Ct));

        Assert.Equal("untouched", await db.Postgres.ScalarAsync("SELECT string_agg(secret, ',') FROM victims"));
        Assert.Equal(0L, await db.Postgres.ScalarAsync("SELECT count(*) FROM results"));
    }

    private async Task<string?> Tables() =>
        (string?)await db.Postgres.ScalarAsync("SELECT string_agg(table_name::text, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = 'public'");
}
