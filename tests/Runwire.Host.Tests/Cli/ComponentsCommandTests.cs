using System.Text.Json.Nodes;
using Runwire.Host.Tests.Support;

namespace Runwire.Host.Tests.Cli;

/// <summary><c>runwire components [--import DIR]</c>: every component id this host knows, and which runner runs it here.</summary>
public sealed class ComponentsCommandTests : IDisposable
{
    private const string IsolationForest = "cdec1d55-5bb6-8e8d-4571-fbc0ebf5a354";
    private const string UnsupportedClass = "Runwire.Core.Components.UnsupportedComponent";
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Components_ShippedOnly_CSharpIdsAndTheOnesNoRunnerCanRunWithTheReason()
    {
        var lines = List(null);

        Assert.All(lines.Values, l => Assert.Equal(["id", "name", "class", "supported", "reason", "runner"], l.Select(p => p.Key)));
        var passThrough = lines[TestJobs.PassThroughInt];
        Assert.Equal("csharp", passThrough["runner"]!.GetValue<string>());
        Assert.True(passThrough["supported"]!.GetValue<bool>());
        Assert.StartsWith("Runwire.Core.Components.", passThrough["class"]!.GetValue<string>(), StringComparison.Ordinal);
        // Runwire's own export of Isolation Forest carries no Python code, and C# cannot run its scikit-learn model.
        var forest = lines[IsolationForest];
        Assert.Null(forest["runner"]);
        Assert.False(forest["supported"]!.GetValue<bool>());
        Assert.Contains("scikit-learn", forest["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Isolation Forest", forest["name"]!.GetValue<string>());
        Assert.All(lines.Values.Where(l => l["runner"] is null), l => Assert.NotNull(l["reason"]));
        Assert.DoesNotContain(lines.Values, l => l["runner"]?.GetValue<string>() == "python");
    }

    [Fact]
    public void Components_ImportedUserAndHetidaFolders_PythonWhereOnlyPythonCodeCanRunIt()
    {
        var lines = List(null, "--import", UserFolder(), "--import", Paths.HetidaTransformations);

        var scale = lines[UserPythonComponents.Scale.ToString()];
        Assert.Equal("python", scale["runner"]!.GetValue<string>());
        Assert.Equal("Scale my series", scale["name"]!.GetValue<string>());
        Assert.Null(scale["class"]);
        Assert.Null(scale["reason"]);
        // hetida's export carries its Python code: Isolation Forest runs there, next to the C# class that refuses it.
        var forest = lines[IsolationForest];
        Assert.Equal("python", forest["runner"]!.GetValue<string>());
        Assert.Equal(UnsupportedClass, forest["class"]!.GetValue<string>());
        Assert.Equal("csharp", lines[TestJobs.PassThroughInt]["runner"]!.GetValue<string>());
    }

    [Fact]
    public void Components_PreferPythonOrPythonOff_RunnerFollowsTheSettings()
    {
        var preferred = List(new() { ["Runwire__Components__Prefer"] = "python" }, "--import", Paths.HetidaTransformations);
        Assert.Equal("python", preferred[TestJobs.PassThroughInt]["runner"]!.GetValue<string>());

        var off = List(new() { ["Runwire__Python__Enabled"] = "false" }, "--import", UserFolder());
        var scale = off[UserPythonComponents.Scale.ToString()];
        Assert.Null(scale["runner"]);
        Assert.False(scale["supported"]!.GetValue<bool>());
        Assert.Contains("this host runs no Python components", scale["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Components_ImportFolderMissing_Exit2()
    {
        var run = RunwireCli.Run(null, "components", "--import", Path.Combine(_dir.Path, "nowhere"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not exist", run.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>The listing by id; every line is JSON and every id appears once.</summary>
    private static Dictionary<string, JsonObject> List(Dictionary<string, string>? environment, params string[] args)
    {
        var run = RunwireCli.Run(environment, ["components", .. args]);
        Assert.True(run.ExitCode == 0, run.Output);
        // Besides the listing only the import report (what each --import folder gave) is printed, on standard error.
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("Imported ", StringComparison.Ordinal));
        Assert.Equal(lines.Count(), run.Results.Count);
        return run.Results.ToDictionary(l => l["id"]!.GetValue<string>());
    }

    private string UserFolder()
    {
        var folder = _dir.Sub("mine");
        File.WriteAllText(Path.Combine(folder, "scale.json"), UserPythonComponents.ScaleComponent().ToJsonString());
        return folder;
    }
}
