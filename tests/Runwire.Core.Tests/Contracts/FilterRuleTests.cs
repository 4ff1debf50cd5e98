using static Runwire.Core.Tests.Contracts.Decoding;

namespace Runwire.Core.Tests.Contracts;

public sealed class FilterRuleTests
{
    private const string In = "wiring.input_wirings.0";

    [Fact]
    public void Decode_FilterValuesOfOtherJsonTypes_AreCoercedLikePythonStr()
    {
        var filters = Decode(WithInput("""
            "workflow_input_name": "a", "adapter_id": 1, "filters": {"ab": 30, "cd": 1.5, "ef": true, "gh": null, "ij": 1e3,
            "kl": 1e16, "mn": 0.0001, "op": 1e-5, "qr": NaN, "st": 12345678901234567890123, "uv": -0.0}
            """)).Wiring!.InputWirings[0].Filters;

        Assert.Equal(
            ["30", "1.5", "True", "", "1000.0", "1e+16", "0.0001", "1e-05", "nan", "12345678901234567890123", "-0.0"],
            filters.Values);
    }

    [Fact]
    public void Decode_FilterValueObjectOrArray_IsStrTypeExpected()
    {
        var e = Fails(WithInput("\"workflow_input_name\": \"a\", \"adapter_id\": 1, \"filters\": {\"ab\": [1], \"cd\": {}}"));

        Assert.Equal([$"{In}.filters.ab|str type expected|type_error.str", $"{In}.filters.cd|str type expected|type_error.str"], ErrorLines(e));
    }

    [Fact]
    public void Decode_BadFilterKeys_ReportRegexAndLengthErrorsItemByItem()
    {
        var e = Fails(WithInput("\"workflow_input_name\": \"a\", \"adapter_id\": 1, \"filters\": {\"ab\": [1], \"c\": 2, \"\": 1, \"1a\": \"x\", \"a-b\": \"x\"}"));

        const string Regex = "string does not match regex \"^[a-zA-Z]\\w+$\"|value_error.str.regex";
        Assert.Equal(
        [
            $"{In}.filters.ab|str type expected|type_error.str",
            $"{In}.filters.__key__|{Regex}",
            $"{In}.filters.__key__|ensure this value has at least 1 characters|value_error.any_str.min_length",
            $"{In}.filters.__key__|{Regex}",
            $"{In}.filters.__key__|{Regex}",
        ], ErrorLines(e));
    }

    [Theory]
    [InlineData("from")]
    [InlineData("to")]
    [InlineData("id")]
    public void Decode_ReservedFilterKey_IsRefused(string key)
    {
        var e = Fails(WithInput($"\"workflow_input_name\": \"a\", \"adapter_id\": 1, \"filters\": {{\"value\": \"1\", \"{key}\": \"x\"}}"));

        Assert.Equal([$"{In}.filters|The strings ['from', 'to', 'id'] are reserved filter keys!|value_error"], ErrorLines(e));
    }

    [Fact]
    public void Decode_FilterKeyWithTrailingNewline_PassesPythonsDollarAnchor()
    {
        Assert.True(Decode(WithInput("\"workflow_input_name\": \"a\", \"adapter_id\": 1, \"filters\": {\"ab\\n\": \"1\"}")).Wiring!.InputWirings[0].Filters.ContainsKey("ab\n"));
    }

    [Theory]
    [InlineData("[[\"ab\", \"cd\"]]", "ab=cd")]
    [InlineData("[{\"ab\": 1, \"cd\": 2}]", "ab=cd")]
    [InlineData("\"\"", "")]
    [InlineData("[]", "")]
    public void Decode_FiltersAsPairs_AreADictLikePythonDict(string filters, string expected)
    {
        var decoded = Decode(WithInput($"\"workflow_input_name\": \"a\", \"adapter_id\": 1, \"filters\": {filters}")).Wiring!.InputWirings[0].Filters;

        Assert.Equal(expected, string.Join(",", decoded.Select(kv => $"{kv.Key}={kv.Value}")));
    }

    [Theory]
    [InlineData("5")]
    [InlineData("\"ab\"")]
    [InlineData("[[\"ab\"]]")]
    [InlineData("[[[1], \"x\"]]")]
    public void Decode_FiltersThatAreNoDict_AreTypeErrorDict(string filters)
    {
        var e = Fails(WithInput($"\"workflow_input_name\": \"a\", \"adapter_id\": 1, \"filters\": {filters}"));

        Assert.Equal([$"{In}.filters|value is not a valid dict|type_error.dict"], ErrorLines(e));
    }
}
