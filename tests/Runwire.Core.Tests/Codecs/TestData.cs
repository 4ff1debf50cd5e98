using System.Text.Json.Nodes;

namespace Runwire.Core.Tests.Codecs;

/// <summary>Expectations computed with the reference pandas by tools/codecs/generate_expectations.py.</summary>
internal static class TestData
{
    private static readonly Lazy<string> Directory = new(Find);

    public static JsonArray Load(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Directory.Value, name)))!.AsArray();

    // The files stay next to the tests in the source tree (found by walking up from the test binaries), so the
    // test project needs no copy rules.
    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Runwire.Core.Tests", "Codecs", "Data");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("tests/Runwire.Core.Tests/Codecs/Data not found above " + AppContext.BaseDirectory);
    }
}
