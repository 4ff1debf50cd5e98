using System.Diagnostics;

namespace Runwire.ProcessBench;

/// <summary>
/// <c>runwire run FILE×N</c> as one process: N = 0 (a missing file, answered without running a job: start-up, store
/// import and CLI), N = first and N = more. The first jobs cost T(first) − T(0); the steady state is the marginal
/// cost per job between the two N, where start-up and most of the JIT cancel out.
/// </summary>
internal static class CliRuns
{
    public static Measured Run(string cores, string runwire, string job, int jobs, IReadOnlyDictionary<string, string> environment)
    {
        string[] args = jobs == 0 ? ["run", job + ".missing"] : ["run", .. Enumerable.Repeat(job, jobs)];
        var before = ChildCpu.Seconds();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(Pinned.Dotnet(cores, runwire, args, environment))!;
        var errors = process.StandardError.ReadToEndAsync();
        int lines = 0, ok = 0;
        while (process.StandardOutput.ReadLine() is { } line)
        {
            lines++;
            ok += line.Contains("\"result\":\"ok\"", StringComparison.Ordinal) ? 1 : 0;
        }
        process.WaitForExit();
        var wall = clock.Elapsed.TotalSeconds;
        var cpu = ChildCpu.Seconds() - before;
        var expected = Math.Max(jobs, 1);
        if (lines != expected || ok != jobs)
        {
            throw new InvalidOperationException($"runwire run printed {lines} lines, {ok} ok, for {jobs} jobs (exit {process.ExitCode}): {errors.Result}");
        }
        return new Measured(cpu, wall);
    }
}
