using System.Diagnostics;
using System.Globalization;

namespace Runwire.PythonBench;

/// <summary>
/// CPU time of this process and of its descendants (the Python workers through bubblewrap, `runwire serve`, hetida's
/// process), from /proc. Descendants are compared process by process, so one that ends in between takes nothing away.
/// </summary>
internal sealed class CpuTime
{
    private const double ClockTicksPerSecond = 100; // USER_HZ on Linux

    private CpuTime(TimeSpan host, IReadOnlyDictionary<int, long> descendants)
    {
        Host = host;
        DescendantTicks = descendants;
    }

    public TimeSpan Host { get; }

    private IReadOnlyDictionary<int, long> DescendantTicks { get; }

    public static CpuTime Now()
    {
        using var self = Process.GetCurrentProcess();
        return new CpuTime(self.TotalProcessorTime, Descendants(Environment.ProcessId));
    }

    /// <summary>What this process and its descendants used since <paramref name="before"/>.</summary>
    public (TimeSpan Host, TimeSpan Workers) Since(CpuTime before)
    {
        ArgumentNullException.ThrowIfNull(before);
        var ticks = DescendantTicks.Sum(d => Math.Max(0, d.Value - before.DescendantTicks.GetValueOrDefault(d.Key)));
        return (Host - before.Host, TimeSpan.FromSeconds(ticks / ClockTicksPerSecond));
    }

    private static Dictionary<int, long> Descendants(int root)
    {
        var processes = new Dictionary<int, (int Parent, long Ticks)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                // After the command name in parentheses: state ppid … utime stime (fields 4 and 14–15 of proc(5)).
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                processes[pid] = (int.Parse(fields[1], CultureInfo.InvariantCulture),
                    long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                // the process ended while we looked
            }
        }
        var descendants = new Dictionary<int, long>();
        foreach (var (pid, (parent, ticks)) in processes)
        {
            for (var up = parent; up > 1 && processes.TryGetValue(up, out var p); up = p.Parent)
            {
                if (up == root)
                {
                    descendants[pid] = ticks;
                    break;
                }
            }
        }
        return descendants;
    }
}
