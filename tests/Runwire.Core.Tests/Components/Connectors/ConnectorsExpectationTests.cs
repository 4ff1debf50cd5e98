using Runwire.Core.Components.Connectors;
using Runwire.Core.Tests.Components.DataExpectations;

namespace Runwire.Core.Tests.Components.Connectors;

/// <summary>Every connector case computed with hetida's code under the reference Python (see ExpectationFile).</summary>
public sealed class ConnectorsExpectationTests
{
    private const string File = "connectors.expected.json";

    public static TheoryData<string> Cases => ExpectationFile.Keys(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_ReferenceCase_MatchesHetida(string key) =>
        CaseRunner.Check(ExpectationFile.Case(File, key), ConnectorsCatalog.All);
}
