using Runwire.Core.Components.DataQuality;
using Runwire.Core.Tests.Components.DataExpectations;

namespace Runwire.Core.Tests.Components.DataQuality;

/// <summary>Every data quality case computed with hetida's code under the reference Python.</summary>
public sealed class DataQualityExpectationTests
{
    private const string File = "dataquality.expected.json";

    public static TheoryData<string> Cases => ExpectationFile.Keys(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_ReferenceCase_MatchesHetida(string key) =>
        CaseRunner.Check(ExpectationFile.Case(File, key), DataQualityCatalog.All);
}
