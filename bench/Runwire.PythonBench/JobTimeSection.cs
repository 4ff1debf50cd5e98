using System.Text.Json.Nodes;
using Runwire.Core.Components;

namespace Runwire.PythonBench;

/// <summary>
/// Target 1: the workflow job (1000-point series, a user's Python component, then C# Abs) in Runwire in process and
/// through <c>runwire serve</c> over HTTP, against hetida's per-job time for the same job with hetida's own code.
/// Rounds alternate between the three, so a slower phase of the shared machine hits all of them alike.
/// </summary>
internal static class JobTimeSection
{
    private const int RunwireJobs = 200;
    private const int HetidaJobsPerRound = 20;

    public static async Task RunAsync(BenchContext context)
    {
        Report.Heading("1. One Python component on a 1000-point series, in a workflow: per-job time");
        var request = Requests.Workflow(1000);
        await using var runwire = await InProcessRunwire.StartAsync(context.Exports, context.Python, workers: 2);
        using var serve = RunwireServe.Start(context);
        await serve.WaitHealthyAsync(TimeSpan.FromMilliseconds(50));
        var answer = await runwire.AnswerAsync(request);
        var served = await serve.ExecuteAsync(request);
        EnsureOk("Runwire in process", answer);
        EnsureOk("runwire serve", served);
        var hetidaResult = context.Hetida.Skipped is null ? (await context.Hetida.RunAsync("workflow", 1)).Result : null;

        Report.Progress("section 1: warming up");
        await runwire.RunAsync(request, 5 * RunwireJobs);
        await serve.RunAsync(request, 5 * RunwireJobs);
        if (context.Hetida.Skipped is null)
        {
            await context.Hetida.RunAsync("workflow", HetidaJobsPerRound);
        }
        List<double> inProcess = [], overHttp = [], hetida = [];
        List<(TimeSpan Host, TimeSpan Workers)> inProcessCpu = [], overHttpCpu = [], hetidaCpu = [];
        for (var round = 0; round < context.Rounds; round++)
        {
            Report.Progress($"section 1: round {round + 1}/{context.Rounds}");
            var before = CpuTime.Now();
            inProcess.Add(await runwire.RunAsync(request, RunwireJobs) * 1e3 / RunwireJobs);
            inProcessCpu.Add(CpuTime.Now().Since(before));
            before = CpuTime.Now();
            overHttp.Add(await serve.RunAsync(request, RunwireJobs) * 1e3 / RunwireJobs);
            overHttpCpu.Add(CpuTime.Now().Since(before));
            if (context.Hetida.Skipped is null)
            {
                before = CpuTime.Now();
                hetida.Add((await context.Hetida.RunAsync("workflow", HetidaJobsPerRound)).Seconds * 1e3 / HetidaJobsPerRound);
                hetidaCpu.Add(CpuTime.Now().Since(before));
            }
        }
        var callMs = await PythonCallAsync(runwire);

        string Cpu(List<(TimeSpan Host, TimeSpan Workers)> cpu, Func<(TimeSpan Host, TimeSpan Workers), TimeSpan> part, int jobs) => Summary.Of([.. cpu.Select(c => part(c).TotalMilliseconds / jobs)]).Format("F2");
        List<string[]> rows = [[.. Row("Runwire in process: request bytes → result bytes (JobAnswering, 2 workers)", inProcess, hetida),
                $"{Cpu(inProcessCpu, c => c.Host, RunwireJobs)} host + {Cpu(inProcessCpu, c => c.Workers, RunwireJobs)} worker"],
            [.. Row("Runwire as a process: `runwire serve`, POST /api/transformations/execute over loopback HTTP", overHttp, hetida),
                $"{Cpu(overHttpCpu, c => c.Workers, RunwireJobs)} serve and its workers + {Cpu(overHttpCpu, c => c.Host, RunwireJobs)} client"]];
        if (hetida.Count > 0)
        {
            rows.Add([$"hetida v0.9.8 in process: execute_transformation_revision ({HetidaJobsPerRound} jobs a round)", Summary.Of(hetida).Format("F2"), "1", "",
                Cpu(hetidaCpu, c => c.Workers, HetidaJobsPerRound)]);
        }
        Report.Table(["path", "ms per job, median (min–max) of rounds", "÷ hetida's, median (min–max) of rounds", "target ≤ 0.1", "CPU ms per job"], rows);
        Report.Note("");
        Report.Note($"{context.Rounds} rounds of {RunwireJobs} Runwire jobs each way, one after the other, after {5 * RunwireJobs} warm-up jobs each. "
            + $"Inside Runwire's job, the Python call of the component alone (pool call with the same series) takes {Report.F(callMs.Call, "F3")} ms, "
            + $"of which main itself {Report.F(callMs.Main, "F3")} ms (timed inside the worker).");
        if (context.Hetida.Skipped is not null)
        {
            Report.Note($"hetida's column is missing: {context.Hetida.Skipped}.");
        }
        else
        {
            Report.Note(SameOutputs(answer, hetidaResult)
                ? "Runwire's result has the same outputs as hetida's (checked once, tolerance 1e-9)."
                : "**Runwire's result differs from hetida's** for this job: the comparison is not of the same work.");
        }
    }

    private static string[] Row(string path, List<double> ms, List<double> hetida)
    {
        if (hetida.Count == 0)
        {
            return [path, Summary.Of(ms).Format("F3"), "–", ""];
        }
        var ratios = Summary.Of([.. ms.Zip(hetida, (a, b) => a / b)]);
        return [path, Summary.Of(ms).Format("F3"), $"{ratios.Format("F3")} (hetida ÷ Runwire: {Report.F(1 / ratios.Median, "F0")}×)", Report.Verdict(ratios.Median <= 0.1)];
    }

    /// <summary>The component's pool call with the job's inputs, and main's own share of it.</summary>
    private static async Task<(double Call, double Main)> PythonCallAsync(InProcessRunwire runwire)
    {
        var code = new Core.Components.Runners.PythonCode(BenchTransformations.ResidualCode);
        var inputs = new ComponentInputs(new Dictionary<string, object?> { ["series"] = ChannelOverhead.Series(1000), ["window"] = 24L });
        await runwire.Pool.CallAsync(code, inputs, CancellationToken.None);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 500; i++)
        {
            await runwire.Pool.CallAsync(code, inputs, CancellationToken.None);
        }
        var call = clock.Elapsed.TotalMilliseconds / 500;
        return (call, await MainTimer.MillisecondsAsync(runwire.Pool, BenchTransformations.ResidualCode, inputs, 500));
    }

    private static void EnsureOk(string who, byte[] result)
    {
        var node = JsonNode.Parse(result)!;
        if (node["result"]?.GetValue<string>() != "ok")
        {
            throw new InvalidOperationException($"{who} did not run the benchmark job: {node.ToJsonString()[..Math.Min(2000, node.ToJsonString().Length)]}");
        }
    }

    private static bool SameOutputs(byte[] runwire, JsonNode? hetida) =>
        hetida is not null && JsonClose.Equal(JsonNode.Parse(runwire)!["output_results_by_output_name"], hetida["output_results_by_output_name"]);
}
