namespace Runwire.ProcessBench;

/// <summary>
/// How the runwire processes of one row are started: "as built" (the runtimeconfig.json), NAME=VALUE environment
/// pairs, and optionally <c>@path/to/runwire.dll</c> for another build of the host (a ReadyToRun publish, say).
/// </summary>
internal sealed record Setting(string Label, IReadOnlyDictionary<string, string> Environment, string? Runwire)
{
    public static Setting Parse(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var pairs = words.Where(p => p.Contains('=', StringComparison.Ordinal)).ToArray();
        var dll = words.FirstOrDefault(w => w.StartsWith('@'))?[1..];
        var label = string.Join(' ', pairs.Length == 0 ? ["as built"] : pairs) + (dll is null ? "" : $", {Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(dll)))}/");
        return new Setting(label, pairs.Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]), dll is null ? null : Path.GetFullPath(dll));
    }
}
