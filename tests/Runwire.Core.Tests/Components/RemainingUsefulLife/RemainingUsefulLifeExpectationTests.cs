using Runwire.Core.Components.RemainingUsefulLife;
using Runwire.Core.Tests.Components.DataExpectations;

namespace Runwire.Core.Tests.Components.RemainingUsefulLife;

/// <summary>Every remaining useful life case computed with hetida's code under the reference Python.</summary>
public sealed class RemainingUsefulLifeExpectationTests
{
    private const string File = "remainingusefullife.expected.json";

    public static TheoryData<string> Cases => ExpectationFile.Keys(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_ReferenceCase_MatchesHetida(string key) =>
        CaseRunner.Check(ExpectationFile.Case(File, key), RemainingUsefulLifeCatalog.All);
}
