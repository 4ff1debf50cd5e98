using System.Text.Json.Nodes;
using Runwire.Core.Tests.Support;

namespace Runwire.Python.Tests.Support;

/// <summary>
/// hetida v0.9.8's shipped library (<c>../shared/hetida/runtime-transformations</c>: JSON exports and <c>.py</c> modules)
/// and what hetida's own code answers for each component on its stored test wiring (<c>Data/runtime-components.json</c>,
/// written by <c>tools/runtime-components/generate.py</c>; its README describes the format).
/// </summary>
internal static class RuntimeComponents
{
    public static string Directory => Path.Combine(SharedPaths.Hetida, "runtime-transformations");

    public static JsonObject File { get; } =
        JsonNode.Parse(System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "runtime-components.json")))!.AsObject();

    public static double Tolerance => File["tolerance"]!.GetValue<double>();

    public static IEnumerable<JsonObject> Entries => File["components"]!.AsArray().Select(e => e!.AsObject());

    /// <summary>The entries hetida ran (the others have no usable test wiring).</summary>
    public static IEnumerable<JsonObject> WithExpectation => Entries.Where(e => e["expected"] is not null);

    public static JsonObject Entry(string file) => Entries.Single(e => e["file"]!.GetValue<string>() == file);

    public static bool IsPyModule(JsonObject entry) => entry["file"]!.GetValue<string>().EndsWith(".py", StringComparison.Ordinal);

    /// <summary>The Python code of a component file: a JSON export's <c>content</c>, or a <c>.py</c> module itself.</summary>
    public static string Code(string file)
    {
        var path = Path.Combine(Directory, file);
        return file.EndsWith(".py", StringComparison.Ordinal)
            ? System.IO.File.ReadAllText(path)
            : JsonNode.Parse(System.IO.File.ReadAllText(path))!["content"]!.GetValue<string>();
    }

    /// <summary>Every component file of the library, relative to <see cref="Directory"/>.</summary>
    public static IEnumerable<string> ComponentFiles => System.IO.Directory
        .EnumerateFiles(Path.Combine(Directory, "components"), "*.*", SearchOption.AllDirectories)
        .Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".py", StringComparison.Ordinal))
        .Select(f => Path.GetRelativePath(Directory, f))
        .Order(StringComparer.Ordinal);

    /// <summary>The request hetida got: the stored one, or (<c>export_test_wiring</c>) with the export's own test wiring.</summary>
    public static JsonObject Request(JsonObject entry)
    {
        var request = entry["request"]!.DeepClone().AsObject();
        if (entry["wiring_source"]!.GetValue<string>() == "export_test_wiring")
        {
            var export = JsonNode.Parse(System.IO.File.ReadAllText(Path.Combine(Directory, entry["file"]!.GetValue<string>())))!;
            request["wiring"] = export["test_wiring"]!.DeepClone();
        }
        return request;
    }
}
