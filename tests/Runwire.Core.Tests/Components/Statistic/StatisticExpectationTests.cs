using Runwire.Core.Components.Statistic;
using Runwire.Core.Tests.Components.DataExpectations;

namespace Runwire.Core.Tests.Components.Statistic;

/// <summary>Every statistic case computed with hetida's code under the reference Python.</summary>
public sealed class StatisticExpectationTests
{
    private const string File = "statistic.expected.json";

    public static TheoryData<string> Cases => ExpectationFile.Keys(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_ReferenceCase_MatchesHetida(string key) =>
        CaseRunner.Check(ExpectationFile.Case(File, key), StatisticCatalog.All);
}
