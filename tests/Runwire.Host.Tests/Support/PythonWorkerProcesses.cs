using System.Globalization;

namespace Runwire.Host.Tests.Support;

/// <summary>
/// The Python workers a host process runs, seen from outside as an operator would: the processes below it (bubblewrap's
/// included; its PID namespace hides nothing from the parent's /proc) that run the worker script.
/// </summary>
internal static class PythonWorkerProcesses
{
    /// <summary>The running worker processes below a host process, however deep (bubblewrap starts them two levels down).</summary>
    public static IReadOnlyList<int> Below(int hostPid)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var (pid, parent) in Processes())
        {
            if (!children.TryGetValue(parent, out var list))
            {
                children[parent] = list = [];
            }
            list.Add(pid);
        }
        var workers = new List<int>();
        var pending = new Queue<int>([hostPid]);
        while (pending.TryDequeue(out var pid))
        {
            foreach (var child in children.GetValueOrDefault(pid) ?? [])
            {
                pending.Enqueue(child);
                var command = CommandLine(child);
                if (command.Contains("runwire_worker.py", StringComparison.Ordinal) && !command.StartsWith("/usr/bin/bwrap", StringComparison.Ordinal) && IsRunning(child))
                {
                    workers.Add(child);
                }
            }
        }
        return workers;
    }

    /// <summary>Waits until exactly <paramref name="count"/> workers run below the host; returns the last count seen.</summary>
    public static async Task<int> WaitForAsync(int hostPid, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var seen = Below(hostPid).Count;
        while (seen != count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100).ConfigureAwait(false);
            seen = Below(hostPid).Count;
        }
        return seen;
    }

    /// <summary>Waits until none of these processes runs any more (a zombie waiting to be reaped has ended); returns those still running.</summary>
    public static async Task<IReadOnlyList<int>> WaitGoneAsync(IEnumerable<int> pids, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var running = pids.Where(IsRunning).ToList();
        while (running.Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100).ConfigureAwait(false);
            running = [.. running.Where(IsRunning)];
        }
        return running;
    }

    private static bool IsRunning(int pid) => Stat(pid) is { } stat && stat.State != 'Z';

    private static (char State, int Parent)? Stat(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null; // ended while we looked
        }
        // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (fields[0][0], int.Parse(fields[1], CultureInfo.InvariantCulture));
    }

    private static IEnumerable<(int Pid, int Parent)> Processes()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Stat(pid) is { } stat)
            {
                yield return (pid, stat.Parent);
            }
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }
}
