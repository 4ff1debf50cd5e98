using Runwire.Core.Transformations.PyModules;

namespace Runwire.Core.Tests.Transformations.PyModules;

public sealed class PyModuleSourceTests
{
    // Expected: what hetida's get_global_from_code (ast.parse, first single-target module-level Assign, literal_eval)
    // returns for X in CPython 3.11, in PyCanon's notation; "none" when it finds nothing.
    [Theory]
    [InlineData("X = 1\nX = 2\n", "i1")]
    [InlineData("def f():\n    X = 1\nX = 2\n", "i2")]
    [InlineData("if True:\n    X = 1\nelse:\n    X = 3\nX = 4\n", "i4")]
    [InlineData("if True: X = 1\nX = 5\n", "i5")]
    [InlineData("X = Y = 1\nX = 6\n", "i6")]
    [InlineData("X: int = 1\nX = 7\n", "i7")]
    [InlineData("X += 1\nX = 8\n", "i8")]
    [InlineData("a = 1; X = 9; b = 2\n", "i9")]
    [InlineData("X = \\\n  10\n", "i10")]
    [InlineData("s = '''\nX = 1\n'''\nX = 11\n", "i11")]
    [InlineData("# X = 1\nX = 12  # comment\n", "i12")]
    [InlineData("class A:\n    X = 1\n\n\n@dec\ndef g(): pass\nX = {'k': [\n1,\n2]}\n", "dict{s\"k\":[i1,i2]}")]
    [InlineData("x = 1\n", "none")]
    [InlineData("X = 1, 2\n", "(i1,i2)")]
    [InlineData("(X) = 13\n", "i13")]
    [InlineData("X.y = 1\nX[0] = 2\nX = 14\n", "i14")]
    [InlineData("\fX = 15\n", "i15")]
    [InlineData("X=16", "i16")]
    [InlineData("\n\n   \n# only comments\n", "none")]
    public void Global_ModuleLevelAssignment_FoundLikeHetida(string code, string expected)
    {
        var value = PyModuleSource.Parse(code).Global("X");

        Assert.Equal(expected, value is null ? "none" : PyCanon.Of(value));
    }

    [Fact]
    public void Global_ValueNotALiteral_FailsAtItsPosition()
    {
        var module = PyModuleSource.Parse("import x\n\nX = lambda a=1: a\n");

        var error = Assert.Throws<PySyntaxException>(() => module.Global("X"));

        Assert.Equal((3, 5), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("\"\"\"Doc\"\"\"\nX = 1\n", "Doc")]
    [InlineData("# header comment\n\n'''Doc'''\n", "Doc")]
    [InlineData("('Doc'\n 'string')\n", "Docstring")]
    [InlineData("r'raw\\n' u'x'; X = 1\n", "raw\\nx")]
    [InlineData("X = 1\n'''Not first'''\n", null)]
    [InlineData("def f():\n    '''Function doc'''\n", null)]
    [InlineData("f'Doc'\n", null)]
    [InlineData("b'Doc'\n", null)]
    [InlineData("'Doc' + 'x'\n", null)]
    [InlineData("", null)]
    public void Docstring_FirstStatement_OnlyWhenAPlainString(string code, string? expected) =>
        Assert.Equal(expected, PyModuleSource.Parse(code).Docstring());

    [Theory]
    [InlineData("X = '''never closed\n", "unterminated triple-quoted string literal (detected at line 2)", 1, 5)]
    [InlineData("def f():\n    pass\n)", "unmatched ')'", 3, 1)]
    [InlineData("\uFEFFX = 1\n", "invalid non-printable character U+FEFF (a UTF-8 byte order mark)", 1, 1)]
    [InlineData("X = 1 \\ 2\n", "unexpected character after line continuation character", 1, 7)]
    public void Parse_UntokenizableModule_FailsWithItsPosition(string code, string problem, int line, int column)
    {
        var error = Assert.Throws<PySyntaxException>(() => PyModuleSource.Parse(code));

        Assert.Equal((problem, line, column), (error.Problem, error.Line, error.Column));
    }
}
