using Runwire.Core.Tests.Support;
using Runwire.Core.Transformations;

namespace Runwire.Core.Tests.Transformations;

public sealed class ImportDirectoryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("runwire-import-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ImportDirectory_MixedFolder_ImportsEveryGoodFileAndReportsEachBadOne()
    {
        var jsonId = Guid.NewGuid();
        Write("components/echo.json", TrafoJson.Component(jsonId, "Echo", [("x", "ANY", null)], [("y", "ANY")]).ToJsonString());
        Write("components/mine/scale.py", Module("c0ffee00-0000-4000-8000-0000000000a1", "Scale"));
        Write("components/mine/deeper/shift.py", Module("c0ffee00-0000-4000-8000-0000000000a2", "Shift"));
        Write("components/mine/__init__.py", "");
        Write("components/mine/helpers.py", "def helper():\n    return 1\n");
        Write("components/mine/broken.py", "COMPONENT_INFO = {'name': DataType}\n");
        Write("components/broken.json", "{ not json");
        Write("README.md", "# my components\n");
        Write("components/mine/notes.txt", "COMPONENT_INFO = {}\n");
        var store = new TransformationStore();

        var report = store.ImportDirectory(_folder);

        Assert.Equal((3, 0, 3), (report.Components, report.Workflows, store.Count));
        Assert.NotNull(store.Find(jsonId));
        Assert.Equal("Shift", store.Find(Guid.Parse("c0ffee00-0000-4000-8000-0000000000a2"))!.Name);
        Assert.Equal($"Imported 3 transformations from {_folder} (3 components, 0 workflows)", report.Summary);
        Assert.Equal(
            ["components/broken.json", "components/mine/__init__.py", "components/mine/broken.py", "components/mine/helpers.py"],
            report.Failures.Select(f => Path.GetRelativePath(_folder, f.SourceName).Replace('\\', '/')).Order(StringComparer.Ordinal));
        Assert.Contains("line 1, column 27: not a literal (the name 'DataType' is not a literal)",
            report.Failures.Single(f => f.SourceName.EndsWith("broken.py", StringComparison.Ordinal)).Message, StringComparison.Ordinal);
        Assert.Throws<TransformationImportException>(() => report.ThrowIfAnyFailed());
    }

    [Fact]
    public void ImportDirectory_PyAndJsonWithTheSameId_LaterPathWins()
    {
        var id = "c0ffee00-0000-4000-8000-0000000000b1";
        var json = TrafoJson.Component(Guid.Parse(id), "From JSON", [("x", "ANY", null)], [("y", "ANY")]);
        Write("a/echo.json", json.ToJsonString());
        Write("b/echo.py", Module(id, "From Py"));
        var store = new TransformationStore();

        var report = store.ImportDirectory(_folder);

        Assert.Equal(2, report.Imported);
        Assert.Equal("From Py", Assert.Single(store.All).Name);
    }

    private static string Module(string id, string name) => $$$""""
        """Documentation for {{{name}}}

        # {{{name}}}
        """

        COMPONENT_INFO = {
            "inputs": {"x": {"data_type": "FLOAT", "default_value": 1.0}},
            "outputs": {"y": {"data_type": "FLOAT"}},
            "name": "{{{name}}}",
            "category": "Mine",
            "version_tag": "1.0.0",
            "id": "{{{id}}}",
            "revision_group_id": "{{{id}}}",
            "state": "RELEASED",
            "released_timestamp": "2024-05-06T07:08:09.000010+00:00",
        }


        def main(*, x=1.0):
            return {"y": x}
        """";

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
