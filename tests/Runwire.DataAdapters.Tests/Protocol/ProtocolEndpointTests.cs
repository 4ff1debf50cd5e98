using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Runwire.DataAdapters.Protocol;

namespace Runwire.DataAdapters.Tests.Protocol;

/// <summary>The adapters service answers hetida's protocol requests with hetida's shapes, for both built-in adapters.</summary>
public sealed class ProtocolEndpointTests(AdaptersServiceFactory service) : IClassFixture<AdaptersServiceFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> ClientAsync()
    {
        await service.PrepareAsync();
        return service.CreateClient();
    }

    private static void RequirePostgres() => Support.PostgresFixture.RequireServer();

    [Fact]
    public async Task Info_LocalFileAdapter_HetidaIdAndName()
    {
        var info = JsonNode.Parse(await (await ClientAsync()).GetStringAsync("/adapters/local-file-adapter/info", Ct))!;

        Assert.Equal("local-file-adapter", info["id"]!.GetValue<string>());
        Assert.Equal("Local File Adapter", info["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task DataFrame_CsvSource_StreamsNdjsonWithNanosecondTimestamps()
    {
        var client = await ClientAsync();

        var response = await client.GetAsync("/adapters/local-file-adapter/dataframe?id=" + Uri.EscapeDataString(AdaptersServiceFactory.Id(service.CsvPath)), Ct);

        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(
            "{\"timestamp\":\"2024-01-01T00:00:00.000000000Z\",\"value\":1.5}\n{\"timestamp\":\"2024-01-01T00:01:00.000000000Z\",\"value\":2.5}\n",
            await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task MultiTsFrame_TimeseriesTable_FromToRenamedAndAttrsInHeader()
    {
        RequirePostgres();
        var client = await ClientAsync();

        var response = await client.GetAsync(
            "/adapters/sql-adapter/multitsframe?id=plant/ts_table/readings&from=2024-01-01T00:00:00Z&to=2024-01-01T00:00:30Z&metrics=ALL", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"timestamp\":\"2024-01-01T00:00:00.000000000Z\",\"metric\":\"temp\",\"value\":20.5}\n", await response.Content.ReadAsStringAsync(Ct));
        var attrs = DataAttributes.Decode(response.Headers.GetValues("Data-Attributes").Single())!;
        Assert.Equal("2024-01-01T00:00:30+00:00", attrs["ref_interval_end_timestamp"]!.GetValue<string>());
        Assert.Null(attrs["ref_metrics"]);
    }

    [Fact]
    public async Task Sources_SqlIdsWithSlashes_ServedAsSingleItemsAndMetadata()
    {
        RequirePostgres();
        var client = await ClientAsync();

        var item = JsonNode.Parse(await client.GetStringAsync("/adapters/sql-adapter/sources/plant/table/machines", Ct))!;
        var metadata = await client.GetStringAsync("/adapters/sql-adapter/sources/plant/table/machines/metadata/", Ct);
        var structure = JsonNode.Parse(await client.GetStringAsync("/adapters/sql-adapter/structure?parentId=plant", Ct))!;

        Assert.Equal(("plant/table/machines", "Table machines", "plant|Plant DB/table/machines"),
            (item["id"]!.GetValue<string>(), item["name"]!.GetValue<string>(), item["path"]!.GetValue<string>()));
        Assert.Equal("[]", metadata);
        Assert.Equal("db/plant", structure["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostDataFrame_AppendTableSink_RowsInTheDatabase()
    {
        RequirePostgres();
        var client = await ClientAsync();

        var response = await client.PostAsync("/adapters/sql-adapter/dataframe?id=plant/append_table/written",
            new StringContent("""[{"a": 1, "at": "2024-01-01T00:00:00+00:00"}, {"a": 2, "at": null}]""", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3L, await service.Postgres.ScalarAsync("SELECT sum(a)::bigint FROM written"));
    }

    [Fact]
    public async Task Timeseries_BuiltinAdapter_NotOfferedAnswers404()
    {
        var response = await (await ClientAsync()).GetAsync("/adapters/local-file-adapter/timeseries?id=x&from=a&to=b", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("The local-file-adapter offers no timeseries sources.", JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownAdapter_AnyEndpoint_404()
    {
        var response = await (await ClientAsync()).GetAsync("/adapters/blob-storage-adapter/info", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("{root}/../outside/secret.csv")]
    [InlineData("{root}/..%2Foutside%2Fsecret.csv")]
    [InlineData("{out}/secret.csv")]
    public async Task DataFrame_PathEscape_404WithoutContent(string template)
    {
        var client = await ClientAsync();
        File.WriteAllText(Path.Combine(service.Files.Outside, "secret.csv"), "password\nhunter2\n");
        var id = AdaptersServiceFactory.Id(template.Replace("{root}", service.Files.Root).Replace("{out}", service.Files.Outside));

        var response = await client.GetAsync("/adapters/local-file-adapter/dataframe?id=" + Uri.EscapeDataString(id), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("hunter2", await response.Content.ReadAsStringAsync(Ct));
    }
}
