using Runwire.Core.Tests.Support;
using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.Cli;

/// <summary><c>runwire run</c> prints one result line per job file whatever the job holds, and refuses bad import folders clearly.</summary>
public sealed class PoisonJobCliTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Run_AnyValueNested999Deep_FailureLineThenTheNextFileRuns()
    {
        var deep = Write("deep.json", TestJobs.DeepAny(999));
        var next = Write("next.json", TestJobs.ById(3));

        var run = RunwireCli.Run(null, "run", deep, next);

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("Unhandled exception", run.Output, StringComparison.Ordinal);
        Assert.Equal(2, run.Results.Count);
        var error = run.Results[0]["error"]!;
        Assert.Equal("failure", run.Results[0]["result"]!.GetValue<string>());
        Assert.Equal("PARSING_LOADED_DATA", error["process_stage"]!.GetValue<string>());
        Assert.Contains("nested deeper than 900 levels", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("ok", run.Results[1]["result"]!.GetValue<string>());
        Assert.Equal(3, run.Results[1]["output_results_by_output_name"]!["output"]!.GetValue<int>());
    }

    [Fact]
    public void Run_StoredWorkflowThatContainsItself_FailureLineAtParsingWorkflow()
    {
        var id = Guid.NewGuid();
        PoisonTrafos.Persist(_dir.Path, PoisonTrafos.SelfNesting(id));
        var job = Write("job.json", TestJobs.NoInputs(id));

        var run = RunwireCli.Run(new Dictionary<string, string> { ["Runwire__DataDirectory"] = _dir.Path }, "run", job);

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(run.Results)["error"]!;
        Assert.Equal("WorkflowParsingException", error["type"]!.GetValue<string>());
        Assert.Equal("PARSING_WORKFLOW", error["process_stage"]!.GetValue<string>());
    }

    [Fact]
    public void Run_ImportFolderWithWorkflowsNestingEachOther_Exit2NamingTheFileAndTheCycle()
    {
        var folder = _dir.Sub("exports");
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        File.WriteAllText(Path.Combine(folder, "a.json"), TrafoJson.Nesting(a, "A", b).ToJsonString());
        File.WriteAllText(Path.Combine(folder, "b.json"), TrafoJson.Nesting(b, "B", a).ToJsonString());
        var job = Write("job.json", TestJobs.NoInputs(a));

        var run = RunwireCli.Run(null, "run", "--import", folder, job);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Results);
        Assert.Contains($"runwire: Invalid transformation {Path.Combine(folder, "a.json")}: workflow 'A' contains itself through nesting: "
            + $"'A' ({a}) → 'B' ({b}) → 'A' ({a})", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_ImportFolderWithWorkflowThatContainsItself_Exit2NamingTheFile()
    {
        var folder = _dir.Sub("exports");
        File.WriteAllText(Path.Combine(folder, "self.json"), PoisonTrafos.SelfNesting(Guid.NewGuid()).ToJsonString());

        var run = RunwireCli.Run(null, "serve", "--urls", "http://127.0.0.1:0", "--data-dir", _dir.Sub("data"), "--import", folder);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"runwire: Invalid transformation {Path.Combine(folder, "self.json")}: workflow 'Ouroboros' contains itself through nesting",
            run.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir.Path, name);
        File.WriteAllText(path, content);
        return path;
    }
}
