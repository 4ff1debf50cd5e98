namespace Runwire.Host.Tests.Support;

/// <summary>The repository, the built programs the tests start, and the shared hetida reference data.</summary>
internal static class Paths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Debug or Release, whichever the tests were built as; the programs were built alongside.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string Runwire => Binary("services/runwire", "runwire.dll");

    public static string TestBroker => Binary("tests/Runwire.TestBroker", "runwire-test-broker.dll");

    public static string HetidaTransformations => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "hetida", "transformations"));

    public static string Example(string name) => Path.Combine(RepoRoot, "examples", name);

    private static string Binary(string project, string file)
    {
        var path = Path.Combine(RepoRoot, project, "bin", Configuration, "net10.0", file);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} ({Configuration}) first.", path);
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Runwire.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Runwire.slnx not found above the test binaries.");
    }
}
