using Runwire.Core.Components.Filters;
using Runwire.Core.Tests.Components.DataExpectations;

namespace Runwire.Core.Tests.Components.Filters;

/// <summary>Every filters case computed with hetida's code under the reference Python.</summary>
public sealed class FiltersExpectationTests
{
    private const string File = "filters.expected.json";

    public static TheoryData<string> Cases => ExpectationFile.Keys(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_ReferenceCase_MatchesHetida(string key) =>
        CaseRunner.Check(ExpectationFile.Case(File, key), FiltersCatalog.All);
}
