using Runwire.Core.Components.Arithmetic;
using Runwire.Core.Tests.Components.Python;

namespace Runwire.Core.Tests.Components.Arithmetic;

public sealed class ArithmeticHetidaCaseTests
{
    public static TheoryData<string> Cases => HetidaCases.Names(ArithmeticHetidaCases.Json);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_InputsFromHetidaReferenceRun_GiveHetidasResult(string name) =>
        HetidaCases.Check(ArithmeticHetidaCases.Json, name, ArithmeticCatalog.All);
}
