using Runwire.Core.Adapters;
using Runwire.Core.Data;
using Runwire.Core.Contracts;
using Runwire.DataAdapters.LocalFile;
using Runwire.DataAdapters.Protocol;
using Runwire.DataAdapters.Tests.Support;

namespace Runwire.DataAdapters.Tests.LocalFile;

public sealed class LocalFileAdapterTests : IDisposable
{
    private static readonly Dictionary<string, string> NoFilters = [];
    private readonly TempRoot _files = new();
    private readonly LocalFileAdapter _adapter;

    public LocalFileAdapterTests() => _adapter = new LocalFileAdapter(new LocalFileOptions([_files.Root]));

    public void Dispose() => _files.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Id(string path) => path.Replace("_", "-_-").Replace("/", "__");

    [Fact]
    public async Task LoadCsv_MixedColumns_TypedLikePandasReadCsv()
    {
        var path = _files.Write("plant_a/data.csv", "i,f,b,s,mixed,gap\n1,1.5,True,x,1.50,7\n2,,False,y,abc,\n");

        var frame = await _adapter.LoadFrameAsync(Id(path), "dataframe", NoFilters, Ct);

        Assert.Equal(["i", "f", "b", "s", "mixed", "gap"], frame.ColumnNames);
        Assert.Equal([1L, 2L], frame.Col("i").Values());
        Assert.Equal(1.5, frame.Col("f").GetValue(0));
        Assert.True(double.IsNaN((double)frame.Col("f").GetValue(1)!));
        Assert.Equal([true, false], frame.Col("b").Values());
        Assert.Equal(["x", "y"], frame.Col("s").Values());
        // a column mixing numbers and text keeps the file's exact texts, as pandas does
        Assert.Equal(["1.50", "abc"], frame.Col("mixed").Values());
        Assert.Equal(ColumnKind.Float64, frame.Col("gap").Kind);
        Assert.Equal([0L, 1L], frame.Index.Values());
    }

    [Fact]
    public async Task LoadCsv_SettingsFileWithSeparatorAndParseDates_ReadsTimestamps()
    {
        var path = _files.Write("ts.csv", "timestamp;value\n2024-01-01T00:00:00Z;1.0\n2024-01-01T00:01:00Z;2.0\n");
        _files.Write("ts.csv.settings.json", """{"loadable": true, "load_settings": {"sep": ";", "parse_dates": ["timestamp"]}}""");

        var frame = await _adapter.LoadFrameAsync(Id(path), "dataframe", NoFilters, Ct);

        var stamps = Assert.IsType<DateTimeColumn>(frame.Col("timestamp"));
        Assert.True(stamps.IsUtc);
        Assert.Equal(TestFrames.Utc("2024-01-01T00:01:00"), stamps.GetValue(1));
        Assert.Equal([1.0, 2.0], frame.Col("value").Values());
    }

    [Fact]
    public async Task LoadCsv_SettingsFileForbidsLoading_FailsWithHetidaMessage()
    {
        var path = _files.Write("locked.csv", "a\n1\n");
        _files.Write("locked.csv.settings.json", """{"loadable": false, "writable": true}""");

        var e = await Assert.ThrowsAsync<AdapterException>(() => _adapter.LoadFrameAsync(Id(path), "dataframe", NoFilters, Ct));

        Assert.Equal("AdapterHandlingException", e.TypeName);
        Assert.Equal($"Local file {path} settings file does not allow loading!", e.Message);
        Assert.DoesNotContain(_adapter.Sources(null), s => s.Path == path);
    }

    [Fact]
    public async Task LoadExcel_FirstSheet_HeaderAndWholeNumbersAsIntegers()
    {
        var path = Path.Combine(_files.Root, "book.xlsx");
        Xlsx.Write(path, "Data", [["name", "count", "ratio", "ok"], ["pump", 3, 0.25, true], ["valve", 4, 0.5, false]]);

        var frame = await _adapter.LoadFrameAsync(Id(path), "dataframe", NoFilters, Ct);

        Assert.Equal(["name", "count", "ratio", "ok"], frame.ColumnNames);
        Assert.Equal(["pump", "valve"], frame.Col("name").Values());
        Assert.Equal([3L, 4L], frame.Col("count").Values());
        Assert.Equal([0.25, 0.5], frame.Col("ratio").Values());
        Assert.Equal([true, false], frame.Col("ok").Values());
    }

    [Fact]
    public async Task GenericSink_ParquetFile_RoundTripsTypesAndValues()
    {
        var frame = TestFrames.Make(
            ("timestamp", TestFrames.Stamps(true, "2024-05-01T10:00:00", "2024-05-01T10:00:01")),
            ("value", new Float64Column([1.25, double.NaN])),
            ("count", new Int64Column([7, 8])),
            ("flag", new BoolColumn([true, false])),
            ("label", new ObjectColumn(["a", null])));
        var sink = "GENERIC_DATAFRAME_SINK_AT_" + Id(_files.Root);

        await _adapter.SendFrameAsync(sink, "dataframe", frame, new Dictionary<string, string> { ["file_name"] = "out.parquet" }, Context(), Ct);
        var back = await _adapter.LoadFrameAsync(Id(Path.Combine(_files.Root, "out.parquet")), "dataframe", NoFilters, Ct);

        Assert.Equal(frame.ColumnNames, back.ColumnNames);
        Assert.Equal(frame.Col("timestamp").Values(), back.Col("timestamp").Values());
        Assert.True(((DateTimeColumn)back.Col("timestamp")).IsUtc);
        Assert.Equal(1.25, back.Col("value").GetValue(0));
        Assert.True(double.IsNaN((double)back.Col("value").GetValue(1)!));
        Assert.Equal([7L, 8L], back.Col("count").Values());
        Assert.Equal([true, false], back.Col("flag").Values());
        Assert.Equal(["a", null], back.Col("label").Values());
    }

    [Fact]
    public async Task GenericSink_CsvWithoutFileName_WritesTimestampAndJobIdNamedFile()
    {
        var context = Context();
        await _adapter.SendFrameAsync("GENERIC_DATAFRAME_SINK_AT_" + Id(_files.Root), "dataframe",
            TestFrames.Make(("a", new Int64Column([1, 2]))), NoFilters, context, Ct);

        var written = Assert.Single(Directory.GetFiles(_files.Root));
        Assert.EndsWith($"_{context.JobId}.csv", written);
        Assert.Equal("a\n1\n2\n", File.ReadAllText(written).Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task GenericSink_ExistingFile_RefusedAndLeftUnchanged()
    {
        var existing = _files.Write("keep.csv", "a\n1\n");

        var e = await Assert.ThrowsAsync<AdapterException>(() => _adapter.SendFrameAsync("GENERIC_DATAFRAME_SINK_AT_" + Id(_files.Root), "dataframe",
            TestFrames.Make(("a", new Int64Column([5]))), new Dictionary<string, string> { ["file_name"] = "keep.csv" }, Context(), Ct));

        Assert.Contains("already exists", e.Message);
        Assert.Equal("a\n1\n", File.ReadAllText(existing));
    }

    [Fact]
    public async Task GenericSink_RepeatedSendOfAJob_OneFileUnderTheSameName_AnotherFrameUnderItRefused()
    {
        // Dapr mode's send step after a lost answer: the same job, the same output, sent again minutes later.
        var sink = "GENERIC_DATAFRAME_SINK_AT_" + Id(_files.Root);
        var first = Context() with { Repeatable = true, StartedAt = DateTimeOffset.Parse("2026-12-08T01:02:03.5Z"), OutputName = "out" };
        var frame = TestFrames.Make(("a", new Int64Column([1, 2])));

        await _adapter.SendFrameAsync(sink, "dataframe", frame, NoFilters, first, Ct);
        await _adapter.SendFrameAsync(sink, "dataframe", frame, NoFilters, first, Ct);
        var e = await Assert.ThrowsAsync<AdapterException>(() =>
            _adapter.SendFrameAsync(sink, "dataframe", TestFrames.Make(("a", new Int64Column([3]))), NoFilters, first, Ct));

        var written = Assert.Single(Directory.GetFiles(_files.Root, "*", SearchOption.AllDirectories));
        Assert.Equal($"2026-12-08T01:02:03.500000+00:00_{first.JobId}.csv", Path.GetFileName(written));
        Assert.Equal("a\n1\n2\n", File.ReadAllText(written).Replace("\r\n", "\n"));
        Assert.Contains("already exists", e.Message);
    }

    [Fact]
    public async Task GenericSink_TwoOutputsOfOneJob_TwoFilesAMicrosecondApart_BothWrittenOnceWhenRepeated()
    {
        var sink = new BuiltinAdapter(_adapter);
        var context = Context() with { Repeatable = true, StartedAt = DateTimeOffset.Parse("2026-12-08T01:02:03Z") };
        var wiring = (string name) => new OutputWiring(name, new AdapterId(LocalFileAdapter.AdapterId, false), "GENERIC_DATAFRAME_SINK_AT_" + Id(_files.Root), Type: "dataframe");
        SinkRequest[] outputs =
        [
            new(wiring("x"), DataType.DataFrame, TestFrames.Make(("a", new Int64Column([1])))),
            new(wiring("y"), DataType.DataFrame, TestFrames.Make(("b", new Int64Column([2])))),
        ];

        await sink.SendAsync(outputs, context, Ct);
        await sink.SendAsync(outputs, context, Ct);

        Assert.Equal([$"2026-12-08T01:02:03.000000+00:00_{context.JobId}.csv", $"2026-12-08T01:02:03.000001+00:00_{context.JobId}.csv"],
            Directory.GetFiles(_files.Root, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Load_FileOverSizeLimit_RefusedWithClearError()
    {
        var small = new LocalFileAdapter(new LocalFileOptions([_files.Root], MaxFileBytes: 10));
        var path = _files.Write("big.csv", "a\n1234567890\n");

        var e = await Assert.ThrowsAsync<AdapterException>(() => small.LoadFrameAsync(Id(path), "dataframe", NoFilters, Ct));

        Assert.Contains("more than the limit of 10 bytes", e.Message);
    }

    [Fact]
    public async Task Sink_FrameOverSizeLimit_RefusedAndNoPartialFileLeft()
    {
        var small = new LocalFileAdapter(new LocalFileOptions([_files.Root], MaxFileBytes: 64));
        var frame = TestFrames.Make(("a", new Int64Column([.. Enumerable.Range(0, 1000).Select(i => (long)i)])));

        var e = await Assert.ThrowsAsync<AdapterException>(() => small.SendFrameAsync("GENERIC_DATAFRAME_SINK_AT_" + Id(_files.Root), "dataframe",
            frame, new Dictionary<string, string> { ["file_name"] = "big.csv" }, Context(), Ct));

        Assert.Contains("limit of 64 bytes", e.Message);
        Assert.Empty(Directory.GetFiles(_files.Root));
    }

    [Fact]
    public void Structure_RootsThenOneLevel_ListsFoldersSourcesAndGenericSink()
    {
        var csv = _files.Write("plant_a/line1.csv", "a\n1\n");
        _files.Write("plant_a/notes.txt", "not data");

        var root = _adapter.Structure(null)!;
        var node = Assert.Single(root.ThingNodes);
        Assert.Equal(Id(_files.Root), node.Id);
        Assert.Null(node.ParentId);
        var level = _adapter.Structure(node.Id)!;
        var folder = Assert.Single(level.ThingNodes);
        Assert.Equal("plant_a", folder.Name);
        var below = _adapter.Structure(folder.Id)!;

        var source = Assert.Single(below.Sources);
        Assert.Equal((Id(csv), "line1.csv", "dataframe", csv), (source.Id, source.Name, source.Type, source.Path));
        var sink = Assert.Single(below.Sinks);
        Assert.Equal("GENERIC_DATAFRAME_SINK_AT_" + folder.Id, sink.Id);
        Assert.Contains("file_name", sink.Filters.Keys);
    }

    private static AdapterContext Context() => new(Guid.NewGuid(), Guid.NewGuid());
}
