using Runwire.Core.Transformations.PyModules;

namespace Runwire.Core.Tests.Transformations.PyModules;

public sealed class PyValueJsonTests
{
    // Expected: json.dumps(ast.literal_eval(source)) in CPython 3.11, as hetida writes an OPTIONAL input's default.
    [Theory]
    [InlineData("'x'", "\"x\"")]
    [InlineData("1", "1")]
    [InlineData("1.5", "1.5")]
    [InlineData("1e16", "1e+16")]
    [InlineData("1e-05", "1e-05")]
    [InlineData("0.0001", "0.0001")]
    [InlineData("-0.0", "-0.0")]
    [InlineData("1e400", "Infinity")]
    [InlineData("-1e400", "-Infinity")]
    [InlineData("True", "true")]
    [InlineData("None", "null")]
    [InlineData("[1, 'a', None]", "[1, \"a\", null]")]
    [InlineData("(1, 2)", "[1, 2]")]
    [InlineData("{'method': 'time'}", "{\"method\": \"time\"}")]
    [InlineData("{1: 2, 1.5: 3, True: 4, None: 5}", "{\"1\": 4, \"1.5\": 3, \"null\": 5}")]
    [InlineData("'\u00e9\\n\"\\\\\\x7f\\x1f'", "\"\\u00e9\\n\\\"\\\\\\u007f\\u001f\"")]
    [InlineData("{'a': [1.0, {'b': ()}]}", "{\"a\": [1.0, {\"b\": []}]}")]
    [InlineData("[]", "[]")]
    [InlineData("{}", "{}")]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567890")]
    [InlineData("'\ud83d\ude00'", "\"\\ud83d\\ude00\"")]
    public void Dumps_Literal_IsPythonsJsonDumps(string source, string expected) =>
        Assert.Equal(expected, PyValueJson.Dumps(PyLiteralParser.Parse(source)));

    [Theory]
    [InlineData("{1, 2}", "Object of type set is not JSON serializable")]
    [InlineData("b'x'", "Object of type bytes is not JSON serializable")]
    [InlineData("[1j]", "Object of type complex is not JSON serializable")]
    [InlineData("{(1, 2): 3}", "keys must be str, int, float, bool or None, not tuple")]
    public void Dumps_NoJsonForm_FailsLikePython(string source, string message) =>
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => PyValueJson.Dumps(PyLiteralParser.Parse(source))).Message);
}
