using Runwire.Core.Components.Trigonometric;
using Runwire.Core.Tests.Components.Python;

namespace Runwire.Core.Tests.Components.Trigonometric;

public sealed class TrigonometricHetidaCaseTests
{
    public static TheoryData<string> Cases => HetidaCases.Names(TrigonometricHetidaCases.Json);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_InputsFromHetidaReferenceRun_GiveHetidasResult(string name) =>
        HetidaCases.Check(TrigonometricHetidaCases.Json, name, TrigonometricCatalog.All);
}
