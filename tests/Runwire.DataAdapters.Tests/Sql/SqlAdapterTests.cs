using Runwire.Core.Adapters;
using Runwire.Core.Data;
using Runwire.DataAdapters.Tests.Support;

namespace Runwire.DataAdapters.Tests.Sql;

public sealed class SqlAdapterTests(SqlFixture db) : IClassFixture<SqlFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> F(params (string Key, string Value)[] filters) => filters.ToDictionary(f => f.Key, f => f.Value);

    [Fact]
    public async Task LoadTable_AllColumnTypes_TypedLikePandasReadSql()
    {
        await using var adapter = db.Adapter();

        var frame = await adapter.LoadFrameAsync("plant/table/machines", "dataframe", F(), Ct);

        Assert.Equal(["id", "name", "load", "active", "seen", "noted"], frame.ColumnNames);
        Assert.Equal([1L, 2L], frame.Col("id").Values());
        Assert.Equal(["press", "drill"], frame.Col("name").Values());
        Assert.True(double.IsNaN((double)frame.Col("load").GetValue(1)!));
        Assert.Equal([true, false], frame.Col("active").Values());
        Assert.Equal([TestFrames.Utc("2024-01-01T00:00:00"), null], frame.Col("seen").Values());
        Assert.True(((DateTimeColumn)frame.Col("seen")).IsUtc);
        Assert.False(((DateTimeColumn)frame.Col("noted")).IsUtc);
    }

    [Fact]
    public async Task LoadQuery_SqlQueryFilter_ReturnsItsRows()
    {
        await using var adapter = db.Adapter();

        var frame = await adapter.LoadFrameAsync("plant/query", "dataframe", F(("sql_query", "SELECT name, id * 10 AS tens FROM machines ORDER BY id;")), Ct);

        Assert.Equal(["press", "drill"], frame.Col("name").Values());
        Assert.Equal([10L, 20L], frame.Col("tens").Values());
    }

    [Fact]
    public async Task LoadQuery_WithoutSqlQueryFilter_FailsWithHetidaMessage()
    {
        await using var adapter = db.Adapter();

        var e = await Assert.ThrowsAsync<AdapterException>(() => adapter.LoadFrameAsync("plant/query", "dataframe", F(), Ct));

        Assert.StartsWith("Source of type query from sql adapter but no sql_query filter!\nSource id: plant/query", e.Message);
    }

    [Fact]
    public async Task LoadTimeseriesTable_MetricsAndInterval_FiltersSortsAndSetsAttrs()
    {
        await using var adapter = db.Adapter();

        var frame = await adapter.LoadFrameAsync("plant/ts_table/readings", "multitsframe",
            F(("metrics", "[\"temp\"]"), ("timestampFrom", "2024-01-01T00:02:00Z"), ("timestampTo", "2024-01-01T00:04:00Z")), Ct);

        Assert.Equal(["timestamp", "metric", "value"], frame.ColumnNames);
        Assert.Equal(["temp", "temp", "temp"], frame.Col("metric").Values());
        Assert.Equal([2.0, 3.0, 4.0], frame.Col("value").Values());
        Assert.Equal("""{"ref_interval_start_timestamp":"2024-01-01T00:02:00+00:00","ref_interval_end_timestamp":"2024-01-01T00:04:00+00:00","ref_interval_type":"closed","ref_metrics":["temp"]}""",
            frame.Attrs.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Theory]
    [InlineData("ALL", 20)]
    [InlineData("all", 20)]
    [InlineData("temp, pressure", 20)]
    [InlineData("pressure", 10)]
    [InlineData("", 0)]
    public async Task LoadTimeseriesTable_MetricsFilterForms_SelectHetidasRows(string metrics, int rows)
    {
        await using var adapter = db.Adapter();

        var frame = await adapter.LoadFrameAsync("plant/ts_table/readings", "multitsframe",
            F(("metrics", metrics), ("timestampFrom", "2024-01-01T00:00:00Z"), ("timestampTo", "2024-01-02T00:00:00Z")), Ct);

        Assert.Equal(rows, frame.RowCount);
    }

    [Fact]
    public async Task LoadTimeseriesTable_MissingInterval_FailsWithHetidaMessage()
    {
        await using var adapter = db.Adapter();

        var e = await Assert.ThrowsAsync<AdapterException>(() => adapter.LoadFrameAsync("plant/ts_table/readings", "multitsframe", F(("metrics", "ALL")), Ct));

        Assert.Equal("Missing timestamp filters for multitsframe timeseries table source", e.Message);
    }

    [Fact]
    public async Task Load_MoreRowsThanLimit_RefusedWithClearError()
    {
        await using var adapter = db.Adapter(maxRows: 5);

        var e = await Assert.ThrowsAsync<AdapterException>(() =>
            adapter.LoadFrameAsync("plant/query", "dataframe", F(("sql_query", "SELECT * FROM generate_series(1, 6)")), Ct));

        Assert.Equal("The result has more than 5 rows, the limit of a source (Runwire:Adapters:Sql:MaxRows).", e.Message);
    }

    [Fact]
    public async Task Load_SlowQuery_CancelledByStatementTimeout()
    {
        await using var adapter = db.Adapter(timeoutSeconds: 1);

        var e = await Assert.ThrowsAsync<AdapterException>(() =>
            adapter.LoadFrameAsync("plant/query", "dataframe", F(("sql_query", "SELECT pg_sleep(5)")), Ct));

        Assert.Equal("Sql adapter pandas sql query error: canceling statement due to statement timeout", e.Message);
    }

    [Fact]
    public async Task AppendSink_TwoFrames_RowsAppendedToNewTable()
    {
        await using var adapter = db.Adapter();
        var frame = TestFrames.Make(("at", TestFrames.Stamps(true, "2024-03-01T00:00:00")), ("v", new Float64Column([double.NaN])), ("n", new Int64Column([3])));

        await adapter.SendFrameAsync("plant/append_table/written", "dataframe", frame, F(), Context(), Ct);
        await adapter.SendFrameAsync("plant/append_table/written", "dataframe", frame, F(), Context(), Ct);

        Assert.Equal(2L, await db.Postgres.ScalarAsync("SELECT count(*) FROM written WHERE v IS NULL AND n = 3 AND at = '2024-03-01T00:00:00Z'"));
    }

    [Fact]
    public async Task AppendSink_RepeatedSendsOfAJob_AppendedOncePerOutput_TheLedgerIsNoSource()
    {
        await using var adapter = db.Adapter();
        var frame = TestFrames.Make(("n", new Int64Column([1, 2])));
        var job = Context() with { Repeatable = true, OutputName = "first" };

        await adapter.SendFrameAsync("plant/append_table/ledgered", "dataframe", frame, F(), job, Ct);
        // the step again after its answer was lost, twice at once
        await Task.WhenAll(
            adapter.SendFrameAsync("plant/append_table/ledgered", "dataframe", frame, F(), job, Ct),
            adapter.SendFrameAsync("plant/append_table/ledgered", "dataframe", frame, F(), job, Ct));
        await adapter.SendFrameAsync("plant/append_table/ledgered", "dataframe", frame, F(), job with { OutputName = "second" }, Ct);
        await adapter.SendFrameAsync("plant/append_table/ledgered", "dataframe", frame, F(), Context() with { Repeatable = true, OutputName = "first" }, Ct);

        Assert.Equal(6L, await db.Postgres.ScalarAsync("SELECT count(*) FROM ledgered"));
        Assert.DoesNotContain(adapter.Structure("plant")!.Sources, s => s.Id.Contains("runwire_sent_outputs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AppendableTimeseriesSink_MultiTsFrame_WrittenAndReadBack()
    {
        await using var adapter = db.Adapter();
        var frame = TestFrames.Make(
            ("timestamp", TestFrames.Stamps(true, "2024-02-01T00:00:01", "2024-02-01T00:00:00")),
            ("metric", new ObjectColumn(["a", "b"])),
            ("value", new Float64Column([1.0, 2.0])));

        await adapter.SendFrameAsync("plant/appendable_ts_table/ts_written", "multitsframe", frame, F(), Context(), Ct);
        var back = await adapter.LoadFrameAsync("plant/ts_table/ts_written", "multitsframe",
            F(("metrics", "ALL"), ("timestampFrom", "2024-02-01T00:00:00Z"), ("timestampTo", "2024-02-02T00:00:00Z")), Ct);

        Assert.Equal(["b", "a"], back.Col("metric").Values());
        Assert.Equal([2.0, 1.0], back.Col("value").Values());
    }

    [Fact]
    public async Task ReplaceSink_SecondFrame_OnlyItsRowsRemain()
    {
        await using var adapter = db.Adapter();

        await adapter.SendFrameAsync("plant/replace_table/replaced", "dataframe", TestFrames.Make(("n", new Int64Column([1, 2]))), F(), Context(), Ct);
        await adapter.SendFrameAsync("plant/replace_table/replaced", "dataframe", TestFrames.Make(("n", new Int64Column([7]))), F(), Context(), Ct);

        Assert.Equal("7", await db.Postgres.ScalarAsync("SELECT string_agg(n::text, ',') FROM replaced"));
    }

    [Fact]
    public async Task Sink_NotConfiguredTable_RefusedAndNothingCreated()
    {
        await using var adapter = db.Adapter();

        var e = await Assert.ThrowsAsync<AdapterException>(() => adapter.SendFrameAsync("plant/append_table/machines", "dataframe",
            TestFrames.Make(("id", new Int64Column([9]))), F(), Context(), Ct));

        Assert.StartsWith("Could not parse and validate sink id plant/append_table/machines.", e.Message);
        Assert.Equal(2L, await db.Postgres.ScalarAsync("SELECT count(*) FROM machines"));
    }

    [Fact]
    public async Task Browsing_StructureAndSources_HetidaIdsNamesAndFilters()
    {
        await using var adapter = db.Adapter();

        var root = adapter.Structure(null)!;
        var level = adapter.Structure("plant")!;

        Assert.Equal(("plant", "Plant DB"), (root.ThingNodes[0].Id, root.ThingNodes[0].Name));
        Assert.Equal("db/plant", level.Id);
        // other tests of the class add tables; the fixture's own appear in hetida's order (query, tables by name, timeseries tables)
        string[] expected = ["plant/query", "plant/table/machines", "plant/table/results", "plant/table/victims", "plant/ts_table/readings", "plant/ts_table/ts_written"];
        Assert.Equal(expected, level.Sources.Select(s => s.Id).Where(expected.Contains));
        Assert.Equal(["sql_query"], level.Sources[0].Filters.Keys);
        Assert.Equal("multitsframe", level.Sources.Single(s => s.Id == "plant/ts_table/readings").Type);
        Assert.Equal(["plant/append_table/results", "plant/append_table/written", "plant/append_table/ledgered", "plant/replace_table/replaced",
            "plant/appendable_ts_table/readings", "plant/appendable_ts_table/ts_written"], level.Sinks.Select(s => s.Id));
        Assert.DoesNotContain(level.Sources, s => s.Id.Contains("ignored", StringComparison.Ordinal));
    }

    private static AdapterContext Context() => new(Guid.NewGuid(), Guid.NewGuid());
}
