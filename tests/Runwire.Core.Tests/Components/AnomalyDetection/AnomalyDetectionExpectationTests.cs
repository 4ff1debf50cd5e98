using Runwire.Core.Components.AnomalyDetection;
using Runwire.Core.Tests.Components.DataExpectations;

namespace Runwire.Core.Tests.Components.AnomalyDetection;

/// <summary>Every anomaly detection case computed with hetida's code under the reference Python.</summary>
public sealed class AnomalyDetectionExpectationTests
{
    private const string File = "anomalydetection.expected.json";

    public static TheoryData<string> Cases => ExpectationFile.Keys(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_ReferenceCase_MatchesHetida(string key) =>
        CaseRunner.Check(ExpectationFile.Case(File, key), AnomalyDetectionCatalog.All);
}
