using System.Diagnostics;

namespace Runwire.ProcessBench;

/// <summary>
/// `runwire` started as a user starts it (<c>dotnet runwire.dll ...</c>), under <c>taskset -c CORES</c> so that
/// "one core" means what it says: the runtime's background JIT and the GC share that core with the jobs.
/// </summary>
internal static class Pinned
{
    public static ProcessStartInfo Dotnet(string cores, string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("taskset")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["-c", cores, "dotnet", dll, .. args])
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        return info;
    }

    /// <summary>A script that starts Debian's Python on <paramref name="cores"/>, for hetida's own path.</summary>
    public static string Python(string cores, string python, string folder)
    {
        var script = Path.Combine(folder, $"python-on-{cores.Replace(',', '-')}.sh");
        File.WriteAllText(script, $"#!/bin/sh\nexec taskset -c {cores} {python} \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return script;
    }
}
