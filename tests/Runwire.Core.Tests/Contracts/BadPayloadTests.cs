using System.Text;
using Runwire.Core.Contracts;
using static Runwire.Core.Tests.Contracts.Decoding;

namespace Runwire.Core.Tests.Contracts;

public sealed class BadPayloadTests
{
    // Each message is what pydantic's parse_raw (Python's json and utf-8 codec) reports for the same bytes.
    public static TheoryData<string, string, string> Texts => new()
    {
        { "", "Expecting value: line 1 column 1 (char 0)", "value_error.jsondecode" },
        { "   ", "Expecting value: line 1 column 4 (char 3)", "value_error.jsondecode" },
        { "\ufeff{}", "Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)", "value_error.jsondecode" },
        { "{\"a\" 1}", "Expecting ':' delimiter: line 1 column 6 (char 5)", "value_error.jsondecode" },
        { "{\"a\": 1,}", "Expecting property name enclosed in double quotes: line 1 column 9 (char 8)", "value_error.jsondecode" },
        { "{'a': 1}", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)", "value_error.jsondecode" },
        { "[1,2", "Expecting ',' delimiter: line 1 column 5 (char 4)", "value_error.jsondecode" },
        { "[1,]", "Expecting value: line 1 column 4 (char 3)", "value_error.jsondecode" },
        { "{\"a\": \"\u0001\"}", "Invalid control character at: line 1 column 8 (char 7)", "value_error.jsondecode" },
        { "{\"a\": \"\\q\"}", "Invalid \\escape: line 1 column 8 (char 7)", "value_error.jsondecode" },
        { "{\"a\": \"\\u12\"}", "Invalid \\uXXXX escape: line 1 column 9 (char 8)", "value_error.jsondecode" },
        { "\"abc", "Unterminated string starting at: line 1 column 1 (char 0)", "value_error.jsondecode" },
        { "{} x", "Extra data: line 1 column 4 (char 3)", "value_error.jsondecode" },
        { "{\"a\": tru}", "Expecting value: line 1 column 7 (char 6)", "value_error.jsondecode" },
        { "{\"a\": 01}", "Expecting ',' delimiter: line 1 column 8 (char 7)", "value_error.jsondecode" },
        { "{\"a\": -}", "Expecting value: line 1 column 7 (char 6)", "value_error.jsondecode" },
        { "\n\n  {\"a\": ]", "Expecting value: line 3 column 9 (char 10)", "value_error.jsondecode" },
        { "{\"\U0001F600\": x}", "Expecting value: line 1 column 7 (char 6)", "value_error.jsondecode" },
        { "5", "ExecByIdInput expected dict not int", "type_error" },
        { "\"ab\"", "ExecByIdInput expected dict not str", "type_error" },
        { "null", "ExecByIdInput expected dict not NoneType", "type_error" },
        { "NaN", "ExecByIdInput expected dict not float", "type_error" },
        { "[[1, 2]]", "keywords must be strings", "type_error" },
        { "{\"a\": " + new string('1', 4301) + "}", "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit", "value_error" },
        { new string('[', 100_000), "JSON nested deeper than 200 levels", "value_error.jsondecode" },
        { "[]", "field required", "value_error.missing" },
        { "{\"id\": 5}", "value is not a valid uuid", "type_error.uuid" },
        { "{\"id\": null}", "none is not an allowed value", "type_error.none.not_allowed" },
        { "{\"id\": \"" + TrafoId + "\", \"wiring\": 5}", "value is not a valid dict", "type_error.dict" },
        { "{\"id\": \"" + TrafoId + "\", \"wiring\": {\"input_wirings\": {}}}", "value is not a valid list", "type_error.list" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Decode_BadPayload_IsAJobDecodeExceptionWithPydanticsFirstError(string payload, string msg, string type)
    {
        var e = Fails(payload);

        Assert.Equal(msg, e.Errors[0].Msg);
        Assert.Equal(type, e.Errors[0].Type);
        Assert.Contains(msg.ReplaceLineEndings(" "), e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xff, 0x7b }, "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte")]
    [InlineData(new byte[] { 0x7b, 0xc3, 0x28 }, "'utf-8' codec can't decode byte 0xc3 in position 1: invalid continuation byte")]
    [InlineData(new byte[] { 0x7b, 0xed, 0xa0, 0x80 }, "'utf-8' codec can't decode byte 0xed in position 1: invalid continuation byte")]
    [InlineData(new byte[] { 0x7b, 0xe2, 0x82 }, "'utf-8' codec can't decode bytes in position 1-2: unexpected end of data")]
    public void Decode_MalformedUtf8_IsAUnicodeDecodeError(byte[] payload, string msg)
    {
        var e = Assert.Throws<JobDecodeException>(() => JobDecoder.Decode(payload));

        Assert.Equal(["__root__|" + msg + "|value_error.unicodedecode"], ErrorLines(e));
    }

    [Fact]
    public void Decode_FiveMegabytesOfJunk_IsAJobDecodeException()
    {
        var junk = new byte[5 * 1024 * 1024];
        new Random(42).NextBytes(junk);
        junk[0] = (byte)'{';

        Assert.Throws<JobDecodeException>(() => JobDecoder.Decode(junk));
    }

    [Fact]
    public void Decode_HugeValidLookingPayloadWithoutId_ReportsTheMissingId()
    {
        var payload = "{\"wiring\": {\"input_wirings\": [" + string.Join(",", Enumerable.Repeat("{\"workflow_input_name\": \"a\"}", 50_000)) + "]}}";

        var e = Fails(payload);

        Assert.Equal("id|field required|value_error.missing", ErrorLines(e)[0]);
    }

    [Fact]
    public void JobIdHint_InvalidPayloadWithReadableJobId_CarriesIt()
    {
        var e = Fails("{\"id\": 5, \"job_id\": \"00000000-0000-0000-0000-000000000007\"}");

        Assert.Equal(Guid.Parse("00000000-0000-0000-0000-000000000007"), e.JobIdHint);
    }

    [Fact]
    public void JobIdHint_BrokenJson_IsFoundInTheText()
    {
        var e = Assert.Throws<JobDecodeException>(() => JobDecoder.Decode(Encoding.UTF8.GetBytes("{\"job_id\": \"00000000-0000-0000-0000-000000000008\", \"id\": ")));

        Assert.Equal(Guid.Parse("00000000-0000-0000-0000-000000000008"), e.JobIdHint);
    }

    [Fact]
    public void JobIdHint_NoJobId_IsNull()
    {
        Assert.Null(Fails("{\"id\": 5}").JobIdHint);
    }

    [Fact]
    public void ToPydanticText_JsonError_ReadsLikePydantic()
    {
        Assert.Equal("1 validation error for ExecByIdInput\n__root__\n  Expecting value: line 1 column 1 (char 0) (type=value_error.jsondecode)", Fails("").ToPydanticText());
    }
}
