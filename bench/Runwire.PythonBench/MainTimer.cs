using Runwire.Core.Components;
using Runwire.Core.Components.Runners;
using Runwire.Python;

namespace Runwire.PythonBench;

/// <summary>
/// What a component's <c>main</c> itself takes, measured inside the worker: the component's own code plus a function
/// that calls its main in a loop on the decoded inputs (the same code key would be a different module, so the timer
/// runs in a module of its own).
/// </summary>
internal static class MainTimer
{
    public static async Task<double> MillisecondsAsync(PythonWorkerPool pool, string code, ComponentInputs inputs, int calls)
    {
        var timer = new PythonCode(code + $$"""


            def runwire_bench_time_main(**kwargs):
                import time as _time
                started = _time.perf_counter()
                for _ in range({{calls}}):
                    main(**kwargs)
                return {"seconds": (_time.perf_counter() - started) / {{calls}}}
            """, "runwire_bench_time_main");
        var outputs = await pool.CallAsync(timer, inputs, CancellationToken.None);
        return (double)outputs["seconds"]! * 1e3;
    }
}
