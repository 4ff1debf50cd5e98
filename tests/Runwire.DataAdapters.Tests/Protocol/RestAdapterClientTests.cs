using Runwire.Core.Adapters;
using Runwire.Core.Contracts;
using Runwire.Core.Data;
using Runwire.DataAdapters.GenericRest;
using Runwire.DataAdapters.Tests.Support;

namespace Runwire.DataAdapters.Tests.Protocol;

/// <summary>Runwire as the client of an external adapter: hetida's requests, parsing, grouping and messages.</summary>
public sealed class RestAdapterClientTests : IAsyncDisposable
{
    private readonly TinyAdapter _tiny = new();
    private readonly RestAdapterClient _client;

    public RestAdapterClientTests() => _client = new RestAdapterClient(new RestAdapterOptions("tiny", new Uri("http://localhost/")), _tiny.CreateClient());

    public ValueTask DisposeAsync() => _tiny.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly AdapterContext Context = new(Guid.NewGuid(), Guid.NewGuid());

    private static readonly Dictionary<string, string> Interval = new() { ["timestampFrom"] = "2024-01-01T00:00:00Z", ["timestampTo"] = "2024-01-02T00:00:00Z" };

    private static SourceRequest In(string name, string? refId, string? type, IReadOnlyDictionary<string, string>? filters = null, string? refIdType = null, string? refKey = null) =>
        new(new InputWiring(name, new AdapterId("tiny", false), refId, refIdType, refKey, type, Filters: filters), DataType.Any);

    private static SinkRequest Out(string name, string refId, string type, object? value, string? refIdType = null, string? refKey = null) =>
        new(new OutputWiring(name, new AdapterId("tiny", false), refId, refIdType, refKey, type), DataType.Any, value);

    [Fact]
    public async Task Load_TimeseriesWithSameFilters_OneRequestSortedSeriesWithAttrs()
    {
        var loaded = await _client.LoadAsync([In("a", "tiny.ts1", "timeseries(float)", Interval), In("b", "tiny.ts2", "timeseries(float)", Interval)], Context, Ct);

        var request = Assert.Single(_tiny.Requests);
        Assert.Equal("GET /timeseries?id=tiny.ts1&id=tiny.ts2&from=2024-01-01T00%3A00%3A00Z&to=2024-01-02T00%3A00%3A00Z", request);
        var a = Assert.IsType<Series>(loaded["a"]);
        Assert.Equal("tiny.ts1", a.Name);
        Assert.Equal([TestFrames.Utc("2024-01-01T00:00:00"), TestFrames.Utc("2024-01-01T00:00:01")], a.Index.Values());
        Assert.Equal([1.5, 2.5], a.Values.Values());
        Assert.Equal("""{"unit":"bar"}""", a.Attrs.ToJsonString());
        Assert.Equal([10.5, 20.5], Assert.IsType<Series>(loaded["b"]).Values.Values());
    }

    [Fact]
    public async Task Load_TimeseriesWithoutInterval_WiringInvalidWithHetidaMessage()
    {
        var e = await Assert.ThrowsAsync<AdapterException>(() => _client.LoadAsync([In("a", "tiny.ts1", "timeseries(float)")], Context, Ct));

        Assert.Equal(("AdapterClientWiringInvalidError", "Timeseries data with no to/from filters."), (e.TypeName, e.Message));
    }

    [Fact]
    public async Task Load_DataFrameWithTimestampColumn_SortedTimestampIndexColumnKept()
    {
        var loaded = await _client.LoadAsync([In("df", "tiny.frame", "dataframe")], Context, Ct);

        var frame = Assert.IsType<DataFrame>(loaded["df"]);
        Assert.Equal(["timestamp", "a", "b"], frame.ColumnNames);
        Assert.Equal([TestFrames.Utc("2024-01-01T00:00:00"), TestFrames.Utc("2024-01-02T00:00:00")], frame.Index.Values());
        Assert.Equal([1L, 2L], frame.Col("a").Values());
    }

    [Fact]
    public async Task Load_ResultEmpty404_EmptyFrame()
    {
        var loaded = await _client.LoadAsync([In("df", "tiny.empty", "dataframe")], Context, Ct);

        Assert.Equal(0, Assert.IsType<DataFrame>(loaded["df"]).RowCount);
    }

    [Fact]
    public async Task Load_ServerError_ConnectionErrorWithStatusAndText()
    {
        var e = await Assert.ThrowsAsync<AdapterException>(() => _client.LoadAsync([In("df", "tiny.broken", "dataframe")], Context, Ct));

        Assert.Equal("AdapterConnectionError", e.TypeName);
        Assert.Equal("Requesting framelike data from generic rest adapter endpoint http://localhost/dataframe failed. Status code: 500. Text: boom", e.Message);
    }

    [Fact]
    public async Task Load_Unreachable_ConnectionError()
    {
        using var http = new HttpClient();
        var client = new RestAdapterClient(new RestAdapterOptions("gone", new Uri("http://127.0.0.1:9/")), http);

        var e = await Assert.ThrowsAsync<AdapterException>(() => client.LoadAsync([In("df", "x", "dataframe")], Context, Ct));

        Assert.Equal("AdapterConnectionError", e.TypeName);
        Assert.StartsWith("Requesting framelike data from generic rest adapter endpoint http://127.0.0.1:9/dataframe failed with Exception", e.Message);
    }

    [Fact]
    public async Task Load_Metadatum_ValueOfDeclaredType()
    {
        var loaded = await _client.LoadAsync([In("max", "tiny.ts1", "metadata(float)", refIdType: "SOURCE", refKey: "Max")], Context, Ct);

        Assert.Equal(42.5, Assert.IsType<double>(loaded["max"]));
        Assert.Equal("GET /sources/tiny.ts1/metadata/Max", Assert.Single(_tiny.Requests));
    }

    [Fact]
    public async Task Load_MultiTsFrame_FromToQueryAndValidatedFrame()
    {
        var loaded = await _client.LoadAsync([In("m", "tiny.multi", "multitsframe", Interval)], Context, Ct);

        var frame = Assert.IsType<DataFrame>(loaded["m"]);
        Assert.Equal(["m1", "m2"], frame.Col("metric").Values());
        Assert.True(((DateTimeColumn)frame.Col("timestamp")).IsUtc);
        Assert.Contains("from=2024-01-01T00%3A00%3A00Z", Assert.Single(_tiny.Requests));
    }

    [Theory]
    [InlineData(null, "dataframe", "Unset ref id in a wiring using generic rest adapter.")]
    [InlineData("tiny.frame", null, "Unset type in a wiring using generic rest adapter.")]
    [InlineData("tiny.frame", "table", "Unknown type in a wiring using generic rest adapter.")]
    public async Task Load_IncompleteWiring_WiringInvalidWithHetidaMessage(string? refId, string? type, string message)
    {
        var e = await Assert.ThrowsAsync<AdapterException>(() => _client.LoadAsync([In("x", refId, type)], Context, Ct));

        Assert.Equal(("AdapterClientWiringInvalidError", message), (e.TypeName, e.Message));
        Assert.Empty(_tiny.Requests);
    }

    [Fact]
    public async Task Send_Timeseries_HetidaRecordsQueryAndAttributesHeader()
    {
        var series = new Series(TestFrames.Stamps(true, "2024-01-01T00:00:00", "2024-01-01T00:00:00.5"), new Float64Column([1.5, double.NaN]), "s",
            new System.Text.Json.Nodes.JsonObject { ["unit"] = "bar" });

        await _client.SendAsync([Out("s", "tiny.ts_out", "timeseries(float)", series)], Context, Ct);

        var (body, attributes, query) = _tiny.Received["tiny.ts_out"];
        Assert.Equal("""[{"value":1.5,"timestamp":"2024-01-01T00:00:00.000000000Z"},{"value":null,"timestamp":"2024-01-01T00:00:00.500000000Z"}]""", body);
        Assert.Equal("?timeseriesId=tiny.ts_out", query);
        Assert.Equal("""{"unit":"bar"}""", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(attributes!)));
    }

    [Fact]
    public async Task Send_DataFrame_RecordsWithIsoTimestamps()
    {
        var frame = TestFrames.Make(("at", TestFrames.Stamps(true, "2024-01-01T00:00:00")), ("v", new Int64Column([3])));

        await _client.SendAsync([Out("d", "tiny.out", "dataframe", frame)], Context, Ct);

        Assert.Equal("""[{"at":"2024-01-01T00:00:00+00:00","v":3}]""", _tiny.Received["tiny.out"].Body);
        Assert.Null(_tiny.Received["tiny.out"].Attributes);
    }

    [Fact]
    public async Task Send_TimeseriesSinkGetsString_OutputDataErrorWithHetidaMessage()
    {
        var e = await Assert.ThrowsAsync<AdapterException>(() => _client.SendAsync([Out("s", "tiny.ts_out", "timeseries(float)", "text")], Context, Ct));

        Assert.Equal(("AdapterOutputDataError", "Did not receive Pandas Series as expected from workflow output. Got <class 'str'> instead."), (e.TypeName, e.Message));
    }

    [Fact]
    public async Task Send_IntSinkGetsFloatSeries_OutputDataError()
    {
        var series = new Series(TestFrames.Stamps(true, "2024-01-01T00:00:00"), new Float64Column([1.5]));

        var e = await Assert.ThrowsAsync<AdapterException>(() => _client.SendAsync([Out("s", "tiny.ts_out", "timeseries(int)", series)], Context, Ct));

        Assert.Equal("Expected int value dtype for series but got float64.", e.Message);
    }

    [Fact]
    public async Task Send_UnknownSink_ConnectionErrorWithStatus()
    {
        var e = await Assert.ThrowsAsync<AdapterException>(() =>
            _client.SendAsync([Out("d", "tiny.nowhere", "dataframe", TestFrames.Make(("v", new Int64Column([1]))))], Context, Ct));

        Assert.Equal("AdapterConnectionError", e.TypeName);
        Assert.StartsWith("Failed posting framelike data to http://localhost/dataframe for id tiny.nowhere. Status code: 404.", e.Message);
    }
}
