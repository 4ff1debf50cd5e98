using Runwire.Core.Components.BasicArithmetic;
using Runwire.Core.Tests.Components.Python;

namespace Runwire.Core.Tests.Components.BasicArithmetic;

public sealed class BasicArithmeticHetidaCaseTests
{
    public static TheoryData<string> Cases => HetidaCases.Names(BasicArithmeticHetidaCases.Json);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_InputsFromHetidaReferenceRun_GiveHetidasResult(string name) =>
        HetidaCases.Check(BasicArithmeticHetidaCases.Json, name, BasicArithmeticCatalog.All);
}
