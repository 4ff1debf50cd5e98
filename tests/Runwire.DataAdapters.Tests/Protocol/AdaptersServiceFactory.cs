using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Runwire.DataAdapters.Tests.Support;

namespace Runwire.DataAdapters.Tests.Protocol;

/// <summary>
/// The adapters service in memory, serving a temporary root folder with a CSV file and, when the test server runs,
/// a PostgreSQL database with a table and a timeseries table.
/// </summary>
public sealed class AdaptersServiceFactory : WebApplicationFactory<Program>
{
    public TempRoot Files { get; } = new();

    public PostgresFixture Postgres { get; } = new();

    public static bool HasPostgres => Environment.GetEnvironmentVariable("RUNWIRE_TEST_POSTGRES") is not null;

    public string CsvPath { get; private set; } = "";

    /// <summary>More configuration for the service, applied last (the auth tests turn authentication on).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    public static string Id(string path) => path.Replace("_", "-_-").Replace("/", "__");

    public async Task PrepareAsync()
    {
        if (CsvPath.Length > 0)
        {
            return;
        }
        CsvPath = Files.Write("plant_a/line.csv", "timestamp,value\n2024-01-01T00:00:00Z,1.5\n2024-01-01T00:01:00Z,2.5\n");
        Files.Write("plant_a/line.csv.settings.json", """{"load_settings": {"parse_dates": ["timestamp"]}}""");
        await Postgres.InitializeAsync();
        if (HasPostgres)
        {
            await Postgres.ExecuteAsync("""
                CREATE TABLE readings ("timestamp" timestamptz, metric text, value double precision);
                INSERT INTO readings VALUES ('2024-01-01T00:00:00Z', 'temp', 20.5), ('2024-01-01T00:01:00Z', 'temp', 21.5);
                CREATE TABLE machines (id bigint, name text);
                INSERT INTO machines VALUES (1, 'press');
                CREATE TABLE job_out ("timestamp" timestamptz, value double precision);
                """);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Runwire:Auth:Mode", "none");
        builder.UseSetting("Runwire:Adapters:LocalFile:Roots:0", Files.Root);
        if (HasPostgres)
        {
            builder.UseSetting("Runwire:Adapters:Sql:Databases:0:Key", "plant");
            builder.UseSetting("Runwire:Adapters:Sql:Databases:0:Name", "Plant DB");
            builder.UseSetting("Runwire:Adapters:Sql:Databases:0:ConnectionString", Postgres.ConnectionString);
            builder.UseSetting("Runwire:Adapters:Sql:Databases:0:AppendTables:0", "written");
            builder.UseSetting("Runwire:Adapters:Sql:Databases:0:AppendTables:1", "job_out");
            builder.UseSetting("Runwire:Adapters:Sql:Databases:0:TimeseriesTables:readings:Appendable", "true");
        }
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Postgres.DisposeAsync();
        Files.Dispose();
    }
}
