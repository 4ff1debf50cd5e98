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
    public void Run_ImportFolderWithWorkflowsNestingEachOther_LeavesThemOutNamingTheFileAndTheCycle()
    {
        var folder = _dir.Sub("exports");
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        File.WriteAllText(Path.Combine(folder, "a.json"), TrafoJson.Nesting(a, "A", b).ToJsonString());
        File.WriteAllText(Path.Combine(folder, "b.json"), TrafoJson.Nesting(b, "B", a).ToJsonString());
        var job = Write("job.json", TestJobs.NoInputs(a));

        var run = RunwireCli.Run(null, "run", "--import", folder, job);

        // Like any other invalid file of an import folder, the two are reported and left out; the job still gets its answer.
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("TrafoExecutionNotFoundError", Assert.Single(run.Results)["error"]!["type"]!.GetValue<string>());
        Assert.Contains($"runwire: Invalid transformation {Path.Combine(folder, "a.json")}: workflow 'A' contains itself through nesting: "
            + $"'A' ({a}) → 'B' ({b}) → 'A' ({a})", run.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir.Path, name);
        File.WriteAllText(path, content);
        return path;
    }
}
