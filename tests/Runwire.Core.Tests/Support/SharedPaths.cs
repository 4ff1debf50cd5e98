namespace Runwire.Core.Tests.Support;

/// <summary>Finds the repository root and the shared hetida reference data beside it (never copied into the repo).</summary>
internal static class SharedPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Hetida => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "hetida"));

    public static string HetidaTransformations => Path.Combine(Hetida, "transformations");

    /// <summary>A byte-identical copy of hetida's runtime/transformations folder: JSON exports and .py component modules.</summary>
    public static string HetidaRuntimeTransformations => Path.Combine(Hetida, "runtime-transformations");

    public static string HetidaCases => Path.Combine(Hetida, "cases");

    public static string ShippedTransformations => Path.Combine(RepoRoot, "transformations");

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
