using Microsoft.Extensions.Configuration;

namespace Runwire.DataAdapters.Tests;

public sealed class AdapterSettingsTests
{
    private static AdapterSettings From(Dictionary<string, string?> values) =>
        AdapterSettings.From(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

    [Fact]
    public void From_HetidaEnvironmentVariables_SameAdaptersAsHetida()
    {
        var settings = From(new()
        {
            ["RUNTIME_LOCAL_FILE_ADAPTER_LOCAL_DIRECTORIES"] = """["/mnt/a", "/mnt/b"]""",
            ["SQL_ADAPTER_SQL_DATABASES"] = """
                [{"name": "Plant", "key": "plant", "connection_url": "postgresql://hd:s%3Bcret@db:5433/plant",
                  "append_tables": ["out"], "timeseries_tables": {"ts": {"metric_col_name": "m", "writable_value_cols": ["v"]}}}]
                """,
            ["HETIDA_DESIGNER_ADAPTERS"] = "demo-adapter-python|Python-Demo-Adapter|http://localhost:8092|http://demo:8092,"
                + "local-file-adapter|Local-File-Adapter|http://localhost:8090/adapters/localfile|http://runtime:8090/adapters/localfile",
        });

        Assert.Equal(["/mnt/a", "/mnt/b"], settings.LocalFile!.Roots);
        var db = Assert.Single(settings.Sql!.Databases);
        Assert.Equal(("plant", "Plant"), (db.Key, db.Name));
        Assert.Equal(["out"], db.AppendTables);
        Assert.Equal(("m", "timestamp"), (db.TimeseriesTables["ts"].MetricColumn, db.TimeseriesTables["ts"].TimestampColumn));
        Assert.Equal(["v"], db.TimeseriesTables["ts"].WritableValueColumns);
        var npgsql = new Npgsql.NpgsqlConnectionStringBuilder(Runwire.DataAdapters.Sql.ConnectionStrings.ToNpgsql(db.ConnectionString));
        Assert.Equal(("db", 5433, "plant", "hd", "s;cret"), (npgsql.Host, npgsql.Port, npgsql.Database, npgsql.Username, npgsql.Password));
        // both entries become external adapters; a configured built-in id still runs in-process unless set explicitly
        Assert.Equal(["demo-adapter-python", "local-file-adapter"], settings.External.Select(e => e.Id));
        Assert.Equal("http://demo:8092/", settings.External[0].BaseUrl.ToString());
    }

    [Fact]
    public void From_RunwireKeys_ExternalAdapterReplacesBuiltinInRegistry()
    {
        var settings = From(new()
        {
            ["Runwire:Adapters:LocalFile:Roots:0"] = Path.GetTempPath(),
            ["Runwire:Adapters:External:local-file-adapter"] = "http://adapters/adapters/local-file-adapter",
        });

        var registry = AdapterSetup.CreateRegistry(settings);

        Assert.IsType<GenericRest.RestAdapterClient>(registry.FindSource("local-file-adapter"));
        Assert.Null(registry.FindSource("sql-adapter"));
    }

    [Fact]
    public void From_WrongHetidaAdapterEntry_FailsAtStartWithTheEntry()
    {
        var e = Assert.Throws<AdapterConfigurationException>(() => From(new() { ["HETIDA_DESIGNER_ADAPTERS"] = "only|three|parts" }));

        Assert.Contains("'only|three|parts'", e.Message);
    }
}
