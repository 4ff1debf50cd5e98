using System.Text;

namespace Runwire.Deployment.Tests;

/// <summary>One instruction of a Dockerfile, its continuation lines joined and comment lines dropped.</summary>
internal sealed record Instruction(string Keyword, string Arguments);

/// <summary>One build stage: its base image, its name (<c>AS</c>) and its instructions.</summary>
internal sealed record Stage(string Image, string? Name, List<Instruction> Instructions)
{
    public IEnumerable<string> Args(string keyword) =>
        Instructions.Where(i => i.Keyword == keyword).Select(i => i.Arguments);

    /// <summary>The ENV settings of this stage, in both forms (<c>ENV A=1 B=2</c> and <c>ENV A 1</c>).</summary>
    public Dictionary<string, string> Env() => Args("ENV")
        .SelectMany(a => a.Contains('=', StringComparison.Ordinal)
            ? a.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            : [a.Split(' ', 2)])
        .ToDictionary(p => p[0], p => p[1]);
}

/// <summary>A Dockerfile read the way docker build reads it, for the checks a build here cannot make (no Docker engine).</summary>
internal static class Dockerfile
{
    public static List<Stage> Parse(string path)
    {
        var stages = new List<Stage>();
        foreach (var line in LogicalLines(File.ReadAllLines(path)))
        {
            var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
            var instruction = new Instruction(parts[0].ToUpperInvariant(), parts.Length > 1 ? parts[1] : "");
            if (instruction.Keyword == "FROM")
            {
                var words = instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
                stages.Add(new Stage(words[0], words.Count == 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null, []));
                continue;
            }
            Assert.True(stages.Count > 0, $"{path}: {instruction.Keyword} before the first FROM");
            stages[^1].Instructions.Add(instruction);
        }
        return stages;
    }

    private static IEnumerable<string> LogicalLines(IEnumerable<string> lines)
    {
        var current = new StringBuilder();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && current.Length == 0))
            {
                continue;
            }
            var continued = line.EndsWith('\\');
            current.Append(continued ? line[..^1].TrimEnd() : line).Append(' ');
            if (!continued)
            {
                yield return current.ToString().Trim();
                current.Clear();
            }
        }
        if (current.Length > 0)
        {
            yield return current.ToString().Trim();
        }
    }
}
