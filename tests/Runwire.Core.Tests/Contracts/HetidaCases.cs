using System.Text.Json.Nodes;

namespace Runwire.Core.Tests.Contracts;

/// <summary>hetida's golden cases, read from ../shared/hetida/cases beside the repository root (never copied).</summary>
internal static class HetidaCases
{
    public static string Folder { get; } = Path.Combine(RepoRoot(), "..", "shared", "hetida", "cases");

    public static IEnumerable<string> Names =>
        Directory.EnumerateFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static JsonObject Load(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, name + ".json")))!.AsObject();

    public static byte[] RequestBytes(string name) => System.Text.Encoding.UTF8.GetBytes(Load(name)["request"]!.ToJsonString());

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Runwire.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Runwire.slnx not found above " + AppContext.BaseDirectory);
    }
}
