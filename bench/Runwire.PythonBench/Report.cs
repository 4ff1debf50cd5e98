using System.Globalization;

namespace Runwire.PythonBench;

/// <summary>Markdown tables on stdout, ready to paste into docs/python-performance.md.</summary>
internal static class Report
{
    public static void Heading(string text)
    {
        Console.WriteLine();
        Console.WriteLine($"### {text}");
        Console.WriteLine();
    }

    public static void Table(string[] header, IEnumerable<string[]> rows)
    {
        Console.WriteLine("| " + string.Join(" | ", header) + " |");
        Console.WriteLine("|" + string.Concat(header.Select(_ => "---|")));
        foreach (var row in rows)
        {
            Console.WriteLine("| " + string.Join(" | ", row) + " |");
        }
    }

    public static void Note(string text) => Console.WriteLine(text);

    /// <summary>A progress line on stderr, so stdout stays the report.</summary>
    public static void Progress(string text) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {text} (load {LoadAverage()})");

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    public static string Verdict(bool met) => met ? "met" : "**missed**";

    public static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
