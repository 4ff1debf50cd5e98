using System.Globalization;
using Runwire.PythonBench;

namespace Runwire.ProcessBench;

/// <summary>
/// Per-job figures of every round, printed as medians (min–max) with the ratio to hetida's per-job CPU time of the
/// same round: a slower phase of the shared machine then moves both sides of a ratio alike.
/// </summary>
internal sealed class Table
{
    private readonly Dictionary<string, List<(Measured First, Measured Steady, Measured? StartUp, int Round)>> _rows = [];
    private readonly List<Measured> _hetida = [];

    public void Add(string path, Measured first, Measured steady, Measured? startUp)
    {
        if (!_rows.TryGetValue(path, out var rounds))
        {
            _rows[path] = rounds = [];
        }
        rounds.Add((first, steady, startUp, _hetida.Count));
    }

    public void AddHetida(Measured perJob) => _hetida.Add(perJob);

    public void Print(int first, int more, string? hetidaSkipped)
    {
        Console.WriteLine($"| path | first {first:N0} jobs: CPU ms/job | ÷ hetida | steady ({first:N0}→{more:N0}): CPU ms/job | ÷ hetida | wall ms/job first / steady | start-up CPU s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (path, rounds) in _rows)
        {
            Console.WriteLine($"| {path} | {Of(rounds.Select(r => r.First.Cpu))} | {Ratio(rounds, r => r.First.Cpu)} | {Of(rounds.Select(r => r.Steady.Cpu))} "
                + $"| {Ratio(rounds, r => r.Steady.Cpu)} | {Median(rounds.Select(r => r.First.Wall))} / {Median(rounds.Select(r => r.Steady.Wall))} "
                + $"| {(rounds[0].StartUp is null ? "" : Of(rounds.Select(r => r.StartUp!.Value.Cpu), "F2"))} |");
        }
        if (_hetida.Count > 0)
        {
            Console.WriteLine($"| hetida v0.9.8 in process, execute_transformation_revision | {Of(_hetida.Select(h => h.Cpu))} | 1 | | | {Median(_hetida.Select(h => h.Wall))} | |");
        }
        Console.WriteLine();
        Console.WriteLine(hetidaSkipped is null
            ? "Ratios: hetida's CPU ms per job in the same round ÷ Runwire's; median (min–max) over rounds."
            : $"hetida's row is missing: {hetidaSkipped}.");
    }

    private string Ratio(List<(Measured First, Measured Steady, Measured? StartUp, int Round)> rounds, Func<(Measured First, Measured Steady, Measured? StartUp, int Round), double> runwire) =>
        _hetida.Count == 0 ? "" : Of(rounds.Where(r => r.Round < _hetida.Count).Select(r => _hetida[r.Round].Cpu / runwire(r)), "F0") + "×";

    private static string Of(IEnumerable<double> values, string format = "F3")
    {
        var list = values.ToList();
        return list.Count == 0 ? "" : Summary.Of(list).Format(format);
    }

    private static string Median(IEnumerable<double> values) => Summary.Of([.. values]).Median.ToString("F3", CultureInfo.InvariantCulture);
}
