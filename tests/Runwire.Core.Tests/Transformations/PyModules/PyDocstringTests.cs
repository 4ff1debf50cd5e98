using Runwire.Core.Transformations.PyModules;

namespace Runwire.Core.Tests.Transformations.PyModules;

public sealed class PyDocstringTests
{
    // Expected: "\n".join(inspect.cleandoc(doc).splitlines()[2:]) in CPython 3.11, hetida's documentation of a .py component.
    [Theory]
    [InlineData("Documentation for X\n\n# X\n\nText", "# X\n\nText")]
    [InlineData("Title\n\n    indented\n      more\n    back\n", "indented\n  more\nback")]
    [InlineData("\n\n  Title\n\n\tTabbed\n\n\n", "      Tabbed")]
    [InlineData("One line", "")]
    [InlineData("Title\nSecond\nThird\r\nFourth\u000bFifth\u001cSixth", "Third\nFourth\nFifth\nSixth")]
    [InlineData("Title\n\n  a\n \n  b\n   \n", "a\n\nb\n ")]
    public void Documentation_Docstring_IsHetidasDocumentation(string docstring, string expected) =>
        Assert.Equal(expected, PyDocstring.Documentation(docstring));

    [Fact]
    public void Documentation_NoDocstring_IsEmpty() => Assert.Equal("", PyDocstring.Documentation(null));
}
