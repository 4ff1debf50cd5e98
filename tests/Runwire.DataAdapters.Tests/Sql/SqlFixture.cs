using Runwire.DataAdapters.Sql;
using Runwire.DataAdapters.Tests.Support;

namespace Runwire.DataAdapters.Tests.Sql;

/// <summary>A test database with a plain table, a timeseries table and a table sinks may append to.</summary>
public sealed class SqlFixture : IAsyncLifetime
{
    public PostgresFixture Postgres { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await Postgres.InitializeAsync();
        if (Environment.GetEnvironmentVariable("RUNWIRE_TEST_POSTGRES") is null)
        {
            return;
        }
        await Postgres.ExecuteAsync("""
            CREATE TABLE machines (id bigint, name text, load double precision, active boolean, seen timestamptz, noted timestamp);
            INSERT INTO machines VALUES (1, 'press', 0.5, true, '2024-01-01 00:00:00+00', '2024-01-01 12:00:00'),
                                        (2, 'drill', NULL, false, NULL, NULL);
            CREATE TABLE readings ("timestamp" timestamptz, metric text, value double precision);
            INSERT INTO readings SELECT timestamptz '2024-01-01 00:00:00+00' + make_interval(mins => i), m, i
              FROM generate_series(0, 9) AS i, unnest(ARRAY['temp', 'pressure']) AS m;
            CREATE TABLE results (a bigint, b text);
            CREATE TABLE victims (secret text);
            INSERT INTO victims VALUES ('untouched');
            CREATE TABLE ignored_table (x int);
            """);
    }

    public async ValueTask DisposeAsync() => await Postgres.DisposeAsync();

    public SqlAdapter Adapter(int timeoutSeconds = 30, int maxRows = 1000) => new(new SqlOptions(
        [
            new SqlDatabaseOptions("plant", "Plant DB", Postgres.ConnectionString,
                AppendTables: ["results", "written", "ledgered"], ReplaceTables: ["replaced"], IgnoreTables: ["ignored_table"],
                TimeseriesTables: new Dictionary<string, TimeseriesTableOptions> { ["readings"] = new(), ["ts_written"] = new() }),
        ],
        timeoutSeconds, maxRows));
}
