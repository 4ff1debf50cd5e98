using System.Diagnostics;
using System.Globalization;

namespace Runwire.PythonBench;

/// <summary>CPU time of this process and of its descendants (the Python workers, through bubblewrap), from /proc.</summary>
internal readonly record struct CpuTime(TimeSpan Host, TimeSpan Workers)
{
    private const double ClockTicksPerSecond = 100; // USER_HZ on Linux

    public static CpuTime Now()
    {
        using var self = Process.GetCurrentProcess();
        return new CpuTime(self.TotalProcessorTime, Descendants(Environment.ProcessId));
    }

    public CpuTime Since(CpuTime before) => new(Host - before.Host, Workers - before.Workers);

    private static TimeSpan Descendants(int root)
    {
        var parents = new Dictionary<int, (int Parent, long Ticks)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                // Fields after the command name in parentheses: state ppid ... utime(14) stime(15), counted from 1.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = (int.Parse(fields[1], CultureInfo.InvariantCulture),
                    long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                // the process ended while we looked
            }
        }
        long ticks = 0;
        foreach (var (pid, (_, own)) in parents)
        {
            for (var up = parents[pid].Parent; up > 1 && parents.TryGetValue(up, out var p); up = p.Parent)
            {
                if (up == root)
                {
                    ticks += own;
                    break;
                }
            }
        }
        return TimeSpan.FromSeconds(ticks / ClockTicksPerSecond);
    }
}
