using Runwire.Core.Contracts;
using static Runwire.Core.Tests.Contracts.Decoding;

namespace Runwire.Core.Tests.Contracts;

public sealed class WiringRuleTests
{
    private const string In = "wiring.input_wirings.0";

    [Fact]
    public void Decode_IntegerAdapterIdOne_IsDirectProvisioning()
    {
        var wiring = Decode(WithInput("\"workflow_input_name\": \"a\", \"adapter_id\": 1")).Wiring!.InputWirings[0];

        Assert.Equal(new AdapterId("1", true), wiring.AdapterId);
        Assert.True(wiring.AdapterId.IsDirectProvisioning);
    }

    [Fact]
    public void Decode_StringAdapterIdOne_IsAGenericRestAdapterId()
    {
        var wiring = Decode(WithInput("\"workflow_input_name\": \"a\", \"adapter_id\": \"1\"")).Wiring!.InputWirings[0];

        Assert.Equal(new AdapterId("1", false), wiring.AdapterId);
        Assert.False(wiring.AdapterId.IsDirectProvisioning);
    }

    [Theory]
    [InlineData("2", "2")]
    [InlineData("-0", "0")]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567890")]
    public void Decode_UnregisteredIntegerSourceAdapter_IsRefusedWithHetidasMessage(string id, string shown)
    {
        var e = Fails(WithInput($"\"workflow_input_name\": \"a\", \"adapter_id\": {id}"));

        Assert.Equal([$"{In}.adapter_id|Adapter with id {shown} is not known / not registered as source adapter.|value_error"], ErrorLines(e));
    }

    [Fact]
    public void Decode_UnregisteredIntegerSinkAdapter_IsRefusedWithTheSinkMessage()
    {
        var e = Fails(WithOutput("\"workflow_output_name\": \"a\", \"adapter_id\": 7"));

        Assert.Equal(["wiring.output_wirings.0.adapter_id|Adapter with id 7 is not known / not registered as sink adapter.|value_error"], ErrorLines(e));
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("true")]
    [InlineData("[1]")]
    public void Decode_AdapterIdNeitherStrictIntNorStr_ReportsBothUnionMembers(string id)
    {
        var e = Fails(WithInput($"\"workflow_input_name\": \"a\", \"adapter_id\": {id}"));

        Assert.Equal([$"{In}.adapter_id|value is not a valid integer|type_error.integer", $"{In}.adapter_id|str type expected|type_error.str"], ErrorLines(e));
    }

    [Theory]
    [InlineData("\"a b\"", "a b")]
    [InlineData("5", "5")]
    [InlineData("true", "True")]
    [InlineData("\"None\"", "None")]
    [InlineData("\"class\"", "class")]
    [InlineData("\"\"", "")]
    [InlineData("\"\u00b7a\"", "\u00b7a")]
    public void Decode_NameThatIsNoPythonIdentifier_IsRefused(string name, string shown)
    {
        var e = Fails(WithInput($"\"workflow_input_name\": {name}, \"adapter_id\": 1"));

        Assert.Equal([$"{In}.workflow_input_name|{shown} is not a valid Python identifier|value_error"], ErrorLines(e));
    }

    [Theory]
    [InlineData("_")]
    [InlineData("match")]
    [InlineData("\u00fcn\u00efcode_\u540d")]
    [InlineData("a\u00b7")]
    [InlineData("a\u2160")]
    public void Decode_NameThatIsAPythonIdentifier_IsAccepted(string name)
    {
        Assert.Equal(name, Decode(WithInput($"\"workflow_input_name\": \"{name}\", \"adapter_id\": 1")).Wiring!.InputWirings[0].WorkflowInputName);
    }

    [Fact]
    public void Decode_MetadataTypeWithoutRefKey_IsRefusedForInputs()
    {
        var e = Fails(WithInput("\"workflow_input_name\": \"a\", \"adapter_id\": \"x\", \"ref_id_type\": \"SOURCE\", \"type\": \"metadata(int)\""));

        Assert.Equal([$"{In}.type|metadata datatype in InputWiring requires additional fields \"ref_id_type\" and \"ref_key\". At least one of them is missing.|value_error"], ErrorLines(e));
    }

    [Fact]
    public void Decode_MetadataTypeWithoutRefIdType_IsRefusedForOutputs()
    {
        var e = Fails(WithOutput("\"workflow_output_name\": \"a\", \"adapter_id\": \"x\", \"ref_key\": \"k\", \"type\": \"metadata(str)\""));

        Assert.Equal(["wiring.output_wirings.0.type|metadata datatype in OutputWiring requires additional fields \"ref_id_type\" and \"ref_key\". At least one of them is missing.|value_error"], ErrorLines(e));
    }

    [Theory]
    [InlineData("metadata(integer)", "metadata(int)")]
    [InlineData("metadata(bool)", "metadata(boolean)")]
    [InlineData("timeseries(object)", "timeseries(any)")]
    [InlineData("series(str)", "series(string)")]
    [InlineData("dataframe", "dataframe")]
    public void Decode_ExternalTypeAlias_IsNormalised(string alias, string canonical)
    {
        var wiring = Decode(WithInput($"\"workflow_input_name\": \"a\", \"adapter_id\": \"x\", \"ref_id\": \"r\", \"ref_id_type\": \"THINGNODE\", \"ref_key\": \"k\", \"type\": \"{alias}\"")).Wiring!.InputWirings[0];

        Assert.Equal(canonical, wiring.Type);
        Assert.Equal(("r", "THINGNODE", "k"), (wiring.RefId, wiring.RefIdType, wiring.RefKey));
    }

    [Fact]
    public void Decode_UnknownExternalType_ListsThePermittedValues()
    {
        var e = Fails(WithInput("\"workflow_input_name\": \"a\", \"adapter_id\": \"x\", \"type\": \"Timeseries(float)\""));

        Assert.Equal([$"{In}.type|value is not a valid enumeration member; permitted: 'metadata(int)', 'metadata(float)', 'metadata(string)', "
            + "'metadata(boolean)', 'metadata(any)', 'timeseries(int)', 'timeseries(float)', 'timeseries(string)', 'timeseries(boolean)', "
            + "'timeseries(any)', 'series(int)', 'series(float)', 'series(string)', 'series(boolean)', 'series(any)', 'multitsframe', 'dataframe'|type_error.enum"],
            ErrorLines(e));
    }

    [Fact]
    public void Decode_LowerCaseRefIdType_IsRefusedWithPermittedValues()
    {
        var e = Fails(WithInput("\"workflow_input_name\": \"a\", \"adapter_id\": 1, \"ref_id\": {}, \"ref_id_type\": \"source\", \"ref_key\": 5"));

        Assert.Equal([$"{In}.ref_id|str type expected|type_error.str",
            $"{In}.ref_id_type|value is not a valid enumeration member; permitted: 'SOURCE', 'SINK', 'THINGNODE'|type_error.enum"], ErrorLines(e));
    }

    [Fact]
    public void Decode_DuplicateInputNames_AreRefused()
    {
        var e = Fails(WithInput("\"workflow_input_name\": \"a\", \"adapter_id\": 1}, {\"workflow_input_name\": \"a\", \"adapter_id\": 1"));

        Assert.Equal(["wiring.input_wirings|Duplicates in workflow input names occuring in the input wirings not allowed.|value_error"], ErrorLines(e));
    }

    [Fact]
    public void Decode_DuplicateOutputNames_AreRefused()
    {
        var e = Fails(WithOutput("\"workflow_output_name\": \"a\", \"adapter_id\": 1}, {\"workflow_output_name\": \"a\", \"adapter_id\": \"x\""));

        Assert.Equal(["wiring.output_wirings|Duplicates in workflow output names occuring in the output wirings not allowed.|value_error"], ErrorLines(e));
    }

    [Fact]
    public void Decode_WiringItemsThatAreNoObjects_ReportEachItem()
    {
        var e = Fails($$$"""{"id": "{{{TrafoId}}}", "wiring": {"input_wirings": [5, null, "ab"]}}""");

        Assert.Equal(["wiring.input_wirings.0|value is not a valid dict|type_error.dict",
            "wiring.input_wirings.1|none is not an allowed value|type_error.none.not_allowed",
            "wiring.input_wirings.2|value is not a valid dict|type_error.dict"], ErrorLines(e));
    }

    [Fact]
    public void Decode_UseDefaultValueWord_IsCoercedToBool()
    {
        Assert.True(Decode(WithInput("\"workflow_input_name\": \"a\", \"adapter_id\": 1, \"use_default_value\": \"on\"")).Wiring!.InputWirings[0].UseDefaultValue);
    }

    [Fact]
    public void Decode_DashboardPositionings_AreValidatedButNotKept()
    {
        var ok = Decode($$$"""{"id": "{{{TrafoId}}}", "wiring": {"dashboard_positionings": [{"x": "1_0", "y": 1.7, "id": 3}]}}""");
        var e = Fails($$$"""{"id": "{{{TrafoId}}}", "wiring": {"dashboard_positionings": [{"x": -1, "id": "a"}, {"x": 1}]}}""");

        Assert.Empty(ok.Wiring!.InputWirings);
        Assert.Equal(["wiring.dashboard_positionings.0.x|ensure this value is greater than or equal to 0|value_error.number.not_ge",
            "wiring.dashboard_positionings.1.id|field required|value_error.missing"], ErrorLines(e));
    }

    [Fact]
    public void Decode_SeveralBadFields_ReportsAllInFieldOrder()
    {
        var e = Fails(WithInput("\"workflow_input_name\": \"a b\", \"adapter_id\": 2, \"filters\": {\"from\": 1, \"x\": 3}"));

        Assert.Equal(3, e.Errors.Count);
        Assert.Equal("Invalid ExecByIdInput: wiring -> input_wirings -> 0 -> workflow_input_name: a b is not a valid Python identifier [value_error] (and 2 more errors)", e.Message);
        Assert.StartsWith("3 validation errors for ExecByIdInput\nwiring -> input_wirings -> 0 -> workflow_input_name\n  a b is not a valid Python identifier (type=value_error)\n", e.ToPydanticText(), StringComparison.Ordinal);
    }
}
