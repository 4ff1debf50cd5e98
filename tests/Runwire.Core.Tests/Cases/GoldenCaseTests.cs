using Runwire.Core.Adapters;
using Runwire.Core.Components;
using Runwire.Core.Engine;
using Runwire.Core.Tests.Support;
using Runwire.Core.Transformations;

namespace Runwire.Core.Tests.Cases;

/// <summary>
/// Every golden case computed with hetida's own code (../shared/hetida/cases) must come out the same, once with hetida's
/// original exports imported (import compatibility) and once with the transformations Runwire ships.
/// </summary>
public sealed class GoldenCaseTests
{
    private static readonly Lazy<ExecutionEngine> HetidaExports = new(() => EngineFor(SharedPaths.HetidaTransformations));
    private static readonly Lazy<ExecutionEngine> ShippedExports = new(() => EngineFor(SharedPaths.ShippedTransformations));

    public static TheoryData<string> CaseNames => GoldenCases.Names;

    [Theory]
    [MemberData(nameof(CaseNames))]
    public Task HetidaExports_GoldenCase_AnswersLikeHetida(string caseName) => GoldenCases.AssertCaseAsync(HetidaExports.Value, caseName);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public Task ShippedTransformations_GoldenCase_AnswersLikeHetida(string caseName) => GoldenCases.AssertCaseAsync(ShippedExports.Value, caseName);

    private static ExecutionEngine EngineFor(string directory)
    {
        var store = new TransformationStore();
        store.ImportDirectory(directory);
        return new ExecutionEngine(store, ComponentRegistry.Builtin, AdapterRegistry.Empty);
    }
}
