using Runwire.Core.Components.Basic;
using Runwire.Core.Tests.Components.Python;

namespace Runwire.Core.Tests.Components.Basic;

public sealed class BasicHetidaCaseTests
{
    public static TheoryData<string> Cases => HetidaCases.Names(BasicHetidaCases.Json);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_InputsFromHetidaReferenceRun_GiveHetidasResult(string name) =>
        HetidaCases.Check(BasicHetidaCases.Json, name, BasicCatalog.All);
}
