using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Runwire.Core.Tests.Components.DataExpectations;

/// <summary>
/// Cases computed with hetida's own component code under the reference Python (tools/comp-data/generate_expectations.py),
/// stored next to the test class that uses them.
/// </summary>
internal static class ExpectationFile
{
    private static readonly Dictionary<string, JsonArray> Cache = [];

    /// <summary>All cases of an expectation file next to the calling source file.</summary>
    public static JsonArray Load(string fileName, [CallerFilePath] string caller = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(caller)!, fileName);
        lock (Cache)
        {
            if (!Cache.TryGetValue(path, out var cases))
            {
                cases = JsonNode.Parse(File.ReadAllText(path))!.AsArray();
                Cache[path] = cases;
            }
            return cases;
        }
    }

    /// <summary>Case keys ("component-id/case-name") for an xUnit theory.</summary>
    public static TheoryData<string> Keys(string fileName, [CallerFilePath] string caller = "")
    {
        var data = new TheoryData<string>();
        foreach (var c in Load(fileName, caller))
        {
            data.Add($"{c!["component"]}/{c["name"]}");
        }
        return data;
    }

    /// <summary>The case with the given key.</summary>
    public static JsonObject Case(string fileName, string key, [CallerFilePath] string caller = "") =>
        Load(fileName, caller).Single(c => $"{c!["component"]}/{c["name"]}" == key)!.AsObject();
}
