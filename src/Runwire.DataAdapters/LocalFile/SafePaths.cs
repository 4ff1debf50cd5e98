namespace Runwire.DataAdapters.LocalFile;

/// <summary>
/// Confines every path to the configured roots. A path is refused unless it is absolute, names a place at or below
/// a root, has no <c>.</c>/<c>..</c>/empty segments, no backslash, percent sign or control character (so nothing
/// decodes into a separator later), and no symbolic link on the way from the root (a link could point anywhere).
/// </summary>
internal sealed class SafePaths
{
    private readonly List<string> _roots;

    public SafePaths(IEnumerable<string> roots)
    {
        _roots = [.. roots.Select(Canonical)];
    }

    public IReadOnlyList<string> Roots => _roots;

    /// <summary>The full path when it is inside a root and free of links; null otherwise.</summary>
    public string? Resolve(string path)
    {
        if (!WellFormed(path))
        {
            return null;
        }
        var root = _roots.FirstOrDefault(r => path == r || path.StartsWith(r + "/", StringComparison.Ordinal));
        if (root is null)
        {
            return null;
        }
        var current = root;
        foreach (var segment in path[root.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current += "/" + segment;
            var info = new FileInfo(current);
            if (info.Exists || Directory.Exists(current))
            {
                if (info.LinkTarget is not null || new DirectoryInfo(current).LinkTarget is not null)
                {
                    return null;
                }
            }
        }
        return current;
    }

    /// <summary>The root a resolved path lies in.</summary>
    public string RootOf(string resolved) => _roots.First(r => resolved == r || resolved.StartsWith(r + "/", StringComparison.Ordinal));

    /// <summary>A plain file name: one segment, no separators, not hidden, nothing that decodes into a path.</summary>
    public static bool PlainFileName(string name) =>
        name.Length is > 0 and <= 255 && name[0] != '.' && WellFormed("/" + name) && !name.Contains('/', StringComparison.Ordinal);

    private static bool WellFormed(string path)
    {
        if (path.Length == 0 || path[0] != '/' || path.Length > 4096)
        {
            return false;
        }
        foreach (var c in path)
        {
            if (char.IsControl(c) || c is '\\' or '%')
            {
                return false;
            }
        }
        var segments = path.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            if (segments[i] is "" or "." or ".." && !(i == segments.Length - 1 && segments[i] == "" && segments.Length == 2))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A root without trailing slash and with its own links resolved, so comparisons see the real place.</summary>
    private static string Canonical(string root)
    {
        var full = Path.GetFullPath(root).TrimEnd('/');
        var real = "";
        foreach (var segment in full.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = real + "/" + segment;
            var target = new DirectoryInfo(next).ResolveLinkTarget(returnFinalTarget: true);
            real = target is null ? next : Path.GetFullPath(target.FullName).TrimEnd('/');
        }
        return real.Length == 0 ? "/" : real;
    }
}
