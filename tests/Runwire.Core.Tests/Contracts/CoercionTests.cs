using static Runwire.Core.Tests.Contracts.Decoding;

namespace Runwire.Core.Tests.Contracts;

public sealed class CoercionTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("1", true)]
    [InlineData("1.0", true)]
    [InlineData("\"yes\"", true)]
    [InlineData("\"Yes\"", true)]
    [InlineData("\"on\"", true)]
    [InlineData("\"t\"", true)]
    [InlineData("\"Y\"", true)]
    [InlineData("\"TRUE\"", true)]
    [InlineData("\"1\"", true)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("-0.0", false)]
    [InlineData("\"no\"", false)]
    [InlineData("\"off\"", false)]
    [InlineData("\"F\"", false)]
    [InlineData("\"n\"", false)]
    [InlineData("\"0\"", false)]
    public void Decode_PydanticBoolWords_AreCoerced(string value, bool expected)
    {
        Assert.Equal(expected, Decode($$"""{"id": "{{TrafoId}}", "run_pure_plot_operators": {{value}}}""").RunPurePlotOperators);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("0.5")]
    [InlineData("\"maybe\"")]
    [InlineData("\"\"")]
    [InlineData("\" yes\"")]
    [InlineData("[]")]
    [InlineData("{}")]
    public void Decode_NonBoolWord_IsATypeErrorBool(string value)
    {
        var e = Fails($$"""{"id": "{{TrafoId}}", "run_pure_plot_operators": {{value}}}""");

        Assert.Equal(["run_pure_plot_operators|value could not be parsed to a boolean|type_error.bool"], ErrorLines(e));
    }

    [Theory]
    [InlineData("806DF1B9-2FC8-4463-943F-3D258C569663", TrafoId)]
    [InlineData("806df1b92fc84463943f3d258c569663", TrafoId)]
    [InlineData("{urn:uuid:806df1b9-2fc8-4463-943f-3d258c569663}", TrafoId)]
    [InlineData("}}806df1b92fc84463943f3d258c569663{", TrafoId)]
    [InlineData(" 806df1b92fc84463943f3d258c56966", "0806df1b-92fc-8446-3943-f3d258c56966")]
    [InlineData("+806df1b92fc84463943f3d258c56966", "0806df1b-92fc-8446-3943-f3d258c56966")]
    [InlineData("0x806df1b92fc84463943f3d258c5696", "00806df1-b92f-c844-6394-3f3d258c5696")]
    [InlineData("8_6df1b92fc84463943f3d258c569663", "086df1b9-2fc8-4463-943f-3d258c569663")]
    [InlineData("\u0661\u0662806df1b92fc84463943f3d258c5696", "12806df1-b92f-c844-6394-3f3d258c5696")]
    public void Decode_UuidFormsPythonAccepts_AreAccepted(string text, string expected)
    {
        var json = $$"""{"id": "{{text}}"}""";

        Assert.Equal(Guid.Parse(expected), Decode(json).TransformationId);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("\"\"")]
    [InlineData("\"806df1b9-2fc8-4463-943f-3d258c56966\"")]
    [InlineData("\"806df1b9-2fc8-4463-943f-3d258c5696633\"")]
    [InlineData("\"g06df1b9-2fc8-4463-943f-3d258c569663\"")]
    [InlineData("\"-0000000000000000000000000000000\"")]
    public void Decode_NotAUuid_IsATypeErrorUuid(string value)
    {
        Assert.Equal(["id|value is not a valid uuid|type_error.uuid"], ErrorLines(Fails($$"""{"id": {{value}}}""")));
    }
}
