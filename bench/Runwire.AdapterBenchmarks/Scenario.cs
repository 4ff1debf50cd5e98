using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Npgsql;
using Runwire.Core.Adapters;
using Runwire.Core.Contracts;
using Runwire.Core.Data;
using Runwire.Core.Engine;
using Runwire.Core.Transformations;
using Runwire.DataAdapters.LocalFile;
using Runwire.DataAdapters.Protocol;
using Runwire.DataAdapters.Sql;

namespace Runwire.AdapterBenchmarks;

/// <summary>One measured job: Pass Through (DataFrame) with its input from an adapter and its output to the same adapter.</summary>
internal static class Scenario
{
    private static readonly Guid PassThroughDataFrame = new("7a1a818f-fa89-6062-1e0e-fc80539bbe0a");

    public static async Task PrepareAsync(string dir, int rows, string? postgres)
    {
        var root = Directory.CreateDirectory(Path.Combine(dir, "files")).FullName;
        var files = new LocalFileAdapter(new LocalFileOptions([root]));
        var frame = Series(rows);
        var context = new AdapterContext(Guid.NewGuid(), Guid.Empty);
        var sink = FileIds.GenericDataFrameSinkPrefix + FileIds.ToUrl(root);
        await files.SendFrameAsync(sink, "dataframe", frame, new Dictionary<string, string> { ["file_name"] = "series.parquet" }, context, default);
        await files.SendFrameAsync(sink, "dataframe", frame, new Dictionary<string, string> { ["file_name"] = "series.csv" }, context, default);
        await File.WriteAllTextAsync(Path.Combine(root, "series.csv.settings.json"), """{"load_settings": {"parse_dates": ["timestamp"]}}""");
        if (postgres is null)
        {
            return;
        }
        await ExecuteAsync(postgres, "DROP TABLE IF EXISTS bench_series, bench_out; CREATE TABLE bench_series (\"timestamp\" timestamptz, value double precision)");
        await using var sql = Sql(postgres);
        await sql.SendFrameAsync("bench/append_table/bench_series", "dataframe", frame, new Dictionary<string, string>(), context, default);
    }

    public static async Task CleanupAsync(string? postgres)
    {
        if (postgres is not null)
        {
            await ExecuteAsync(postgres, "DROP TABLE IF EXISTS bench_series, bench_out");
        }
    }

    public static async Task<string> RunAsync(string scenario, string dir, int rows, string? postgres)
    {
        var root = Path.Combine(dir, "files");
        IProtocolAdapter adapter = scenario == "postgres" ? Sql(postgres!) : new LocalFileAdapter(new LocalFileOptions([root]));
        var (source, sink, fileName) = scenario switch
        {
            "parquet" => (FileIds.ToUrl(Path.Combine(root, "series.parquet")), FileIds.GenericDataFrameSinkPrefix + FileIds.ToUrl(root), "back.parquet"),
            "csv" => (FileIds.ToUrl(Path.Combine(root, "series.csv")), FileIds.GenericDataFrameSinkPrefix + FileIds.ToUrl(root), "back.csv"),
            _ => ("bench/table/bench_series", "bench/append_table/bench_out", ""),
        };
        var store = new TransformationStore();
        var component = Path.Combine(RepoRoot(), "..", "shared", "hetida", "transformations", "components", "connectors",
            "pass-through-dataframe_100_7a1a818f-fa89-6062-1e0e-fc80539bbe0a.json");
        store.Import(TransformationReader.Read(JsonNode.Parse(await File.ReadAllTextAsync(component))!.AsObject(), "Pass Through (DataFrame)"));
        var builtin = new BuiltinAdapter(adapter);
        var engine = new ExecutionEngine(store, Runwire.Core.Components.ComponentRegistry.Builtin, new AdapterRegistry([builtin], [builtin]));
        // one warm-up run (JIT, connection pool, file cache), then the measured run
        var warm = await engine.ExecuteAsync(Job(adapter.Id, source, sink, fileName.Length > 0 ? "warm-" + fileName : ""));
        if (warm.Error is { } warmError)
        {
            return $"| {scenario} | failed: {warmError.Type}: {warmError.Message} |";
        }
        var job = Job(adapter.Id, source, sink, fileName);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var baselineRss = process.WorkingSet64;
        var baselineHeap = GC.GetTotalMemory(true);
        using var sampler = new PeakSampler();
        var started = Stopwatch.StartNew();
        var result = await engine.ExecuteAsync(job);
        var total = started.Elapsed.TotalSeconds;
        sampler.Stop();
        process.Refresh();
        if (result.Error is { } error)
        {
            return $"| {scenario} | failed: {error.Type}: {error.Message} |";
        }
        var load = result.MeasuredSteps.LoadData!.DurationSeconds;
        var send = result.MeasuredSteps.SendData!.DurationSeconds;
        // data in memory: the frame's three arrays (RangeIndex as int64, timestamp ticks, float values)
        var dataMb = rows * 24.0 / 1e6;
        var peakMb = (sampler.Peak - baselineHeap) / 1e6;
        var rssMb = (process.PeakWorkingSet64 - baselineRss) / 1e6;
        return string.Create(CultureInfo.InvariantCulture,
            $"| {scenario} | {rows / load:N0} | {rows / send:N0} | {total:F2} | {dataMb:F0} | {peakMb:F0} | {peakMb / dataMb:F2} | {rssMb:F0} |");
    }

    private static ExecutionJob Job(string adapter, string source, string sink, string fileName)
    {
        var wiring = new WorkflowWiring(
            [new InputWiring("input", new AdapterId(adapter, false), source, "SOURCE", Type: "dataframe")],
            [new OutputWiring("output", new AdapterId(adapter, false), sink, "SINK", Type: "dataframe",
                Filters: fileName.Length > 0 ? new Dictionary<string, string> { ["file_name"] = fileName } : null)]);
        return new ExecutionJob(PassThroughDataFrame, null, wiring, false, Guid.NewGuid(), true, JobFormat.ExecById);
    }

    private static SqlAdapter Sql(string connection) => new(new SqlOptions(
        [new SqlDatabaseOptions("bench", "Bench", connection, AppendTables: ["bench_series", "bench_out"])], 600, 50_000_000));

    private static DataFrame Series(int rows)
    {
        var ticks = new long[rows];
        var values = new double[rows];
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        var random = new Random(7);
        for (var i = 0; i < rows; i++)
        {
            ticks[i] = start + i * TimeSpan.TicksPerSecond;
            values[i] = Math.Round(random.NextDouble() * 1000, 3);
        }
        return new DataFrame(Column.Range(rows), ["timestamp", "value"], [new DateTimeColumn(ticks, true), new Float64Column(values)]);
    }

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Runwire.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Runwire.slnx not found above the benchmark.");
    }
}
