namespace Runwire.Ingest.Tests.Support;

internal static class Paths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

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
