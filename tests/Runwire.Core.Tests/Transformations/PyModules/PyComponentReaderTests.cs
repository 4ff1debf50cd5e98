using System.Text;
using Runwire.Core.Data;
using Runwire.Core.Transformations;
using Runwire.Core.Transformations.PyModules;

namespace Runwire.Core.Tests.Transformations.PyModules;

public sealed class PyComponentReaderTests
{
    private const string UserComponent = """"
        """Documentation for My Scaler

        # My Scaler
        Scales a series.
        """

        import pandas as pd

        COMPONENT_INFO = {
            "inputs": {
                "series": {"data_type": "SERIES"},
                "legacy": "FLOAT",  # a bare data type, as older hetida code writes it
                "factor": {"data_type": "FLOAT", "default_value": 0.5},
                "times": {"data_type": "INT", "default_value": 3},
                "label": {"data_type": "STRING", "default_value": 'scaled "x"'},
                "code": {"data_type": "INT", "default_value": "5"},
                "options": {"data_type": "ANY", "default_value": {"mode": ("a", 1), "on": True}},
                "nothing": {"data_type": "STRING", "default_value": None},
            },
            "outputs": {"scaled": {"data_type": "SERIES"}},
            "name": "My Scaler",
            "category": "Mine",
            "version_tag": "2.0.0",
            "id": "C0FFEE00-0000-4000-8000-000000000001",
            "revision_group_id": "c0ffee00-0000-4000-8000-000000000002",
            "unknown_key": [1, 2],
        }


        def main(*, series, legacy, factor=0.5, times=3, label='scaled "x"', code="5", options=None, nothing=None):
            return {"scaled": series * factor}


        TEST_WIRING_FROM_PY_FILE_IMPORT = {
            "input_wirings": [
                {"workflow_input_name": "series", "adapter_id": "direct_provisioning", "filters": {"value": "[1, 2]"}},
            ],
        }
        """";

    private static readonly DateTimeOffset Now = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Fact]
    public void Read_UserComponent_IsWhatHetidaDerivesFromIt()
    {
        var revision = PyComponentReader.Read(UserComponent, "my_scaler.py", new FixedClock(Now));

        Assert.Equal(Guid.Parse("c0ffee00-0000-4000-8000-000000000001"), revision.Id);
        Assert.Equal(("My Scaler", "Mine", "2.0.0", TransformationState.Released), (revision.Name, revision.Category, revision.VersionTag, revision.State));
        Assert.Equal(Now, revision.ReleasedTimestamp);
        Assert.Equal(
            "series SERIES; legacy FLOAT; factor FLOAT=0.5; times INT=3; label STRING=scaled \"x\"; code INT=\"5\"; "
            + "options ANY={\"mode\": [\"a\", 1], \"on\": true}; nothing STRING=",
            string.Join("; ", revision.Inputs.Select(i => $"{i.Name} {i.DataType.ToJson()}" + (i.Required ? "" : $"={i.Default?.GetValue<string>()}"))));
        Assert.Equal(SeededUuid.From("component_input_factor"), revision.Inputs[2].Id);
        Assert.Equal(SeededUuid.From("component_output_scaled"), Assert.Single(revision.Outputs).Id);
        var source = revision.Source;
        Assert.Equal(UserComponent, source["content"]!.GetValue<string>());
        Assert.Equal("# My Scaler\nScales a series.", source["documentation"]!.GetValue<string>());
        Assert.Equal("No description provided", source["description"]!.GetValue<string>());
        Assert.Equal("2025-03-04T05:06:07+00:00", source["released_timestamp"]!.GetValue<string>());
        Assert.Null(source["disabled_timestamp"]);
        Assert.Equal("series", revision.TestWiring!["input_wirings"]![0]!["workflow_input_name"]!.GetValue<string>());
        Assert.Empty(revision.TestWiring["output_wirings"]!.AsArray());
    }

    [Fact]
    public void Read_CrLfFile_ContentHasHetidasUniversalNewlines()
    {
        var bytes = Encoding.UTF8.GetBytes(UserComponent.Replace("\n", "\r\n", StringComparison.Ordinal));

        var revision = PyComponentReader.Read(bytes, "crlf.py");

        Assert.Equal(UserComponent, revision.Source["content"]!.GetValue<string>());
    }

    [Fact]
    public void Read_OtherLineSeparators_StayInTheContentAsPythonReadsThem()
    {
        var code = UserComponent.Replace("Scales a series.", "Scales\fa\u2028series\u0085.", StringComparison.Ordinal);

        var revision = PyComponentReader.Read(Encoding.UTF8.GetBytes(code.Replace("\n", "\r", StringComparison.Ordinal)), "cr.py");

        Assert.Equal(code, revision.Source["content"]!.GetValue<string>());
        // str.splitlines() in hetida's documentation step does split at them.
        Assert.Equal("# My Scaler\nScales\na\nseries\n.", revision.Source["documentation"]!.GetValue<string>());
    }

    [Fact]
    public void Read_TestWiringNotALiteral_ImportsWithAnEmptyTestWiringLikeHetida()
    {
        var code = UserComponent.Replace("TEST_WIRING_FROM_PY_FILE_IMPORT = {", "TEST_WIRING_FROM_PY_FILE_IMPORT = make_wiring() or {", StringComparison.Ordinal);

        var revision = PyComponentReader.Read(code, "wiring.py");

        Assert.Empty(revision.TestWiring!["input_wirings"]!.AsArray());
    }

    [Theory]
    [InlineData("import x\n\ndef main():\n    return {}\n", "no module-level COMPONENT_INFO = {...} assignment: not a hetida component")]
    [InlineData("", "no module-level COMPONENT_INFO = {...} assignment: not a hetida component")]
    [InlineData("COMPONENT_INFO = [1]\n", "COMPONENT_INFO must be a dict, not a list")]
    [InlineData("\"\"\"Doc\"\"\"\nCOMPONENT_INFO = {\n    \"inputs\": {\"x\": {\"data_type\": DataType.SERIES}},\n}\n",
        "not readable as a hetida component module: line 3, column 35: not a literal (the name 'DataType' is not a literal)")]
    [InlineData("COMPONENT_INFO = {'name': 'x'\n", "not readable as a hetida component module: line 1, column 18: '{' was never closed")]
    [InlineData("COMPONENT_INFO = {'revision_group_id': 'c0ffee00-0000-4000-8000-000000000002'}\n",
        "COMPONENT_INFO has no \"id\" (hetida would invent a random one at every import): add a fixed UUID")]
    [InlineData("COMPONENT_INFO = {'id': 'c0ffee00-0000-4000-8000-000000000002', 'revision_group_id': 'c0ffee00-0000-4000-8000-000000000002', 'inputs': {'x': {'default_value': 1}}}\n",
        "input 'x': for optional inputs a data type must be provided in the COMPONENT_INFO")]
    [InlineData("COMPONENT_INFO = {'id': 'c0ffee00-0000-4000-8000-000000000002', 'revision_group_id': 'c0ffee00-0000-4000-8000-000000000002', 'type': 'WORKFLOW'}\n",
        "COMPONENT_INFO must not set \"type\": hetida derives it from the module")]
    [InlineData("COMPONENT_INFO = {'id': 'c0ffee00-0000-4000-8000-000000000002', 'revision_group_id': 'c0ffee00-0000-4000-8000-000000000002', 'inputs': {'x': 'TEXT'}}\n",
        "io_interface.inputs[0].data_type must be one of INT, FLOAT, STRING, DATAFRAME, SERIES, MULTITSFRAME, BOOLEAN, ANY, PLOTLYJSON")]
    public void Read_NotAComponent_FailsNamingTheFileAndWhy(string code, string problem)
    {
        var error = Assert.Throws<TransformationImportException>(() => PyComponentReader.Read(code, "/components/mine.py"));

        Assert.Equal("/components/mine.py", error.SourceName);
        Assert.Contains(problem, error.Problems);
        Assert.StartsWith("Invalid transformation /components/mine.py: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ByteOrderMarkOrNotUtf8_Refused()
    {
        var bom = Assert.Throws<TransformationImportException>(() => PyComponentReader.Read([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(UserComponent)], "bom.py"));
        var latin1 = Assert.Throws<TransformationImportException>(() => PyComponentReader.Read([.. "x = '"u8, 0xE9, .. "'\n"u8], "latin1.py"));

        Assert.Contains("U+FEFF", Assert.Single(bom.Problems), StringComparison.Ordinal);
        Assert.StartsWith("not UTF-8 text", Assert.Single(latin1.Problems), StringComparison.Ordinal);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
