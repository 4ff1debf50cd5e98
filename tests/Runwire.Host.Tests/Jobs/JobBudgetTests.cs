using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.Jobs;

/// <summary>
/// Per-job budgets (<c>Runwire:Limits:*</c>): a job that exceeds one is answered with a failure naming the limit and its
/// setting, on every path (HTTP, Kafka, <c>runwire run</c>), and the host stays small and goes on.
/// </summary>
public sealed class JobBudgetTests : IDisposable
{
    /// <summary>What the probe peaked at with no limits: 9.7 GB. With the defaults it must stay far below.</summary>
    private const long PeakBound = 2L * 1024 * 1024 * 1024;
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task RulForecast80000DaysWithPlots_OverHttp_FailsFastAtValueLimit_MemoryBounded()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Path);
        var started = Stopwatch.StartNew();

        var result = await ExecuteAsync(serve, LimitJobs.RulForecast(80_000));

        AssertValueLimit(result);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"took {started.Elapsed}");
        var (_, peak) = LimitJobs.Memory(serve.ProcessId);
        Assert.True(peak < PeakBound, $"peak resident memory {peak:N0} bytes");
        // The host goes on: the example job with its 30 days runs as always.
        var example = await ExecuteAsync(serve, File.ReadAllText(Paths.Example("rul-exec-by-id.json")));
        Assert.True(example["result"]!.GetValue<string>() == "ok", example.ToJsonString());
    }

    [Fact]
    public void RulForecast80000DaysWithPlots_RunCommand_SameFailure()
    {
        var file = Path.Combine(_dir.Path, "rul-80000.json");
        File.WriteAllText(file, LimitJobs.RulForecast(80_000));

        var run = RunwireCli.Run(null, "run", file);

        Assert.Equal(1, run.ExitCode);
        AssertValueLimit(Assert.Single(run.Results));
    }

    [Fact]
    public async Task RulForecast80000DaysWithPlots_OverKafka_SameFailure()
    {
        using var broker = new TestBroker();
        using var serve = await ServeProcess.StartAsync(_dir.Path, broker.Bootstrap);
        await serve.WaitAssignedAsync();
        using var results = new TopicReader(broker.Bootstrap);
        using var producer = new JobProducer(broker.Bootstrap);
        var job = Guid.NewGuid();

        await producer.SendAsync("rul-80000", LimitJobs.RulForecast(80_000, job));

        var answer = Assert.Single(await results.WaitCountAsync(1, TimeSpan.FromSeconds(60)));
        Assert.Equal(job.ToString(), answer.JobId);
        AssertValueLimit(answer.Json);
    }

    [Fact]
    public async Task PlotOverMaxPlotPoints_RefusedBeforeDrawing()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Path, null, "unused", "--Runwire:Limits:MaxValueCells=0");

        // 5,000 days at 5 minutes: 1.44 million predictions for the plot, over the default 1,000,000 points.
        var result = await ExecuteAsync(serve, LimitJobs.RulForecast(5_000));

        var error = AssertFailure(result, "PlotTooLargeError", "EXECUTING_COMPONENT_CODE", "Runwire:Limits:MaxPlotPoints");
        Assert.Equal("Univariate Linear RUL Regression Result Plot", error["operator_info"]!["transformation_info"]!["name"]!.GetValue<string>());
        Assert.Equal(1_000_000, error["extra_information"]!["limit_value"]!.GetValue<double>());
    }

    [Fact]
    public async Task ResultOverMaxResultBytes_FailureWithoutOutputs()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Path, null, "unused", "--Runwire:Limits:MaxResultBytes=100000");

        var result = await ExecuteAsync(serve, LimitJobs.PassThroughString(200_000, Guid.NewGuid()));

        AssertFailure(result, "ResultTooLargeError", "ENCODING_RESULTS_TO_JSON", "Runwire:Limits:MaxResultBytes");
        Assert.Empty(result["output_results_by_output_name"]!.AsObject());
        Assert.Equal("ok", (await ExecuteAsync(serve, LimitJobs.PassThroughString(50_000, Guid.NewGuid())))["result"]!.GetValue<string>());
    }

    [Fact]
    public async Task ComponentRunningPastJobTimeout_AnsweredAtTheDeadline_NamingTheComponent()
    {
        using var serve = await ServeProcess.StartAsync(_dir.Path, null, "unused",
            $"--Runwire:Python:Executable={UserPythonComponents.Executable}", $"--Runwire:Python:Workers={UserPythonComponents.Workers}",
            "--Runwire:Python:CallTimeoutSeconds=120", "--Runwire:Limits:JobTimeoutSeconds=8");
        await UserPythonComponents.ImportAsync(serve.Http);
        // Python workers start with the host and take seconds on a busy machine: the budget counts from the first one up.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await ExecuteAsync(serve, UserPythonComponents.ScaleJob(2)))["result"]!.GetValue<string>() != "ok")
        {
            Assert.True(DateTime.UtcNow < deadline, "no Python worker came up");
        }
        var started = Stopwatch.StartNew();

        var result = await ExecuteAsync(serve, UserPythonComponents.HostileCode["endless loop"].Job());

        var error = AssertFailure(result, "JobTimeoutError", "EXECUTING_COMPONENT_CODE", "Runwire:Limits:JobTimeoutSeconds");
        Assert.Contains("while running 'Hostile endless loop'", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Hostile endless loop", error["operator_info"]!["transformation_info"]!["name"]!.GetValue<string>());
        Assert.InRange(started.Elapsed, TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(30));
        Assert.Equal("ok", (await ExecuteAsync(serve, TestJobs.ById(4)))["result"]!.GetValue<string>());
    }

    public void Dispose() => _dir.Dispose();

    private static void AssertValueLimit(JsonObject result)
    {
        var error = AssertFailure(result, "ValueTooLargeError", "EXECUTING_COMPONENT_CODE", "Runwire:Limits:MaxValueCells");
        Assert.Equal("Univariate Linear RUL Regression", error["operator_info"]!["transformation_info"]!["name"]!.GetValue<string>());
        Assert.Contains("'pred_series'", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static JsonNode AssertFailure(JsonObject result, string type, string stage, string setting)
    {
        Assert.True(result["result"]!.GetValue<string>() == "failure", result.ToJsonString());
        var error = result["error"]!;
        Assert.Equal(type, error["type"]!.GetValue<string>());
        Assert.Equal(stage, error["process_stage"]!.GetValue<string>());
        Assert.Contains(setting, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(setting, error["extra_information"]!["limit"]!.GetValue<string>());
        return error;
    }

    private static async Task<JsonObject> ExecuteAsync(ServeProcess serve, string job)
    {
        using var response = await serve.Http.PostAsync(new Uri("/api/transformations/execute", UriKind.Relative),
            new StringContent(job, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
    }
}
