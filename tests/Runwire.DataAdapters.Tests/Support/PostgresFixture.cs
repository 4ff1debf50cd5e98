using Npgsql;

namespace Runwire.DataAdapters.Tests.Support;

/// <summary>
/// A fresh database on the test server that scripts/start-postgres.sh runs (connection string in RUNWIRE_TEST_POSTGRES),
/// dropped afterwards. Without the variable the tests skip locally; in CI (CI=true) its absence is a failure.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly string? _server = Environment.GetEnvironmentVariable("RUNWIRE_TEST_POSTGRES");
    private readonly string _database = "rw_" + Guid.NewGuid().ToString("N")[..12];

    public string ConnectionString => new NpgsqlConnectionStringBuilder(RequireServer()) { Database = _database }.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        if (_server is null)
        {
            return;
        }
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {_database}", admin);
        await cmd.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is null)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", admin);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        return await cmd.ExecuteScalarAsync();
    }

    /// <summary>The server's connection string; skips the test locally (fails it in CI) when no server was started.</summary>
    public static string RequireServer()
    {
        if (Environment.GetEnvironmentVariable("RUNWIRE_TEST_POSTGRES") is { } server)
        {
            return server;
        }
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail("RUNWIRE_TEST_POSTGRES is not set: scripts/test.sh starts the test server with scripts/start-postgres.sh.");
        }
        Assert.Skip("RUNWIRE_TEST_POSTGRES is not set; run eval \"$(scripts/start-postgres.sh)\" to run the PostgreSQL tests.");
        return "";
    }
}
