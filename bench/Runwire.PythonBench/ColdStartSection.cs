using System.Text.Json.Nodes;

namespace Runwire.PythonBench;

/// <summary>
/// Target 4: start <c>runwire serve</c> as a process, POST the Python workflow job as soon as <c>/healthz</c>
/// answers, and time the answer from the host being ready and from the process start.
/// </summary>
internal static class ColdStartSection
{
    public static async Task RunAsync(BenchContext context)
    {
        Report.Heading("4. Cold start: the first Python job after `runwire serve` starts");
        var request = Requests.Workflow(1000);
        List<double> healthy = [], fromReady = [], fromStart = [];
        for (var run = 0; run < context.ColdStarts; run++)
        {
            Report.Progress($"section 4: start {run + 1}/{context.ColdStarts}");
            using var serve = RunwireServe.Start(context);
            var ready = await serve.WaitHealthyAsync(TimeSpan.FromMilliseconds(10));
            var result = await serve.ExecuteAsync(request);
            var answered = serve.Started.Elapsed;
            if (JsonNode.Parse(result)!["result"]?.GetValue<string>() != "ok")
            {
                throw new InvalidOperationException($"the first job failed: {System.Text.Encoding.UTF8.GetString(result)}");
            }
            healthy.Add(ready.TotalSeconds);
            fromReady.Add((answered - ready).TotalSeconds);
            fromStart.Add(answered.TotalSeconds);
        }
        var first = Summary.Of(fromReady);
        Report.Table(["from", "to", "s, median (min–max)", "target ≤ 2 s"],
        [
            ["process start", "/healthz answers 200", Summary.Of(healthy).Format("F2"), ""],
            ["/healthz answers 200", "first Python job answered", first.Format("F2"), Report.Verdict(first.Median <= 2)],
            ["process start", "first Python job answered", Summary.Of(fromStart).Format("F2"), ""],
        ]);
        Report.Note("");
        Report.Note($"{context.ColdStarts} starts of `dotnet runwire.dll serve` (Release) with Runwire__Python__Executable={context.Python}, "
            + "default worker count and sandbox; /healthz polled every 10 ms; the job is the workflow of section 1 over HTTP.");
    }
}
