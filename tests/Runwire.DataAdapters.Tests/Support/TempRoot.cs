namespace Runwire.DataAdapters.Tests.Support;

/// <summary>A temporary folder tree: <c>Root</c> is the adapter's configured root, <c>Outside</c> a sibling it must never reach.</summary>
public sealed class TempRoot : IDisposable
{
    public TempRoot()
    {
        Base = Directory.CreateTempSubdirectory("runwire-files-").FullName;
        Root = Directory.CreateDirectory(Path.Combine(Base, "root")).FullName;
        Outside = Directory.CreateDirectory(Path.Combine(Base, "outside")).FullName;
    }

    public string Base { get; }

    public string Root { get; }

    public string Outside { get; }

    public string Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Every file below the base, with its length, to prove an operation wrote nothing.</summary>
    public IReadOnlyList<string> Snapshot() =>
        [.. Directory.EnumerateFiles(Base, "*", SearchOption.AllDirectories).Order().Select(f => $"{f}:{new FileInfo(f).Length}")];

    public void Dispose() => Directory.Delete(Base, recursive: true);
}
