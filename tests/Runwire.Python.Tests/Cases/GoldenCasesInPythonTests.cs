using Runwire.Core.Components.Runners;
using Runwire.Core.Engine;
using Runwire.Core.Tests.Support;

namespace Runwire.Python.Tests.Cases;

/// <summary>
/// Every golden case computed with hetida's own code also comes out the same when every component runs hetida's
/// original Python code in the worker pool (<c>Runwire:Components:Prefer=python</c>).
/// </summary>
public sealed class GoldenCasesInPythonTests(Support.Python python)
{
    private static ExecutionEngine? _engine;

    public static TheoryData<string> CaseNames => GoldenCases.Names;

    [Theory]
    [MemberData(nameof(CaseNames))]
    public Task HetidaExportsPreferPython_GoldenCase_AnswersLikeHetida(string caseName) =>
        GoldenCases.AssertCaseAsync(
            _engine ??= python.Engine(Support.Python.Store(SharedPaths.HetidaTransformations), ComponentRunner.Python), caseName);

    [Fact]
    public void HetidaExportsPreferPython_EveryComponentOfTheCases_RunsInPython()
    {
        var engine = python.Engine(Support.Python.Store(SharedPaths.HetidaTransformations), ComponentRunner.Python);
        var components = engine.Store.All.Where(r => r.Type == Core.Transformations.TransformationType.Component).ToList();
        Assert.NotEmpty(components);
        Assert.All(components, c => Assert.Equal(ComponentRunner.Python, engine.Components.RunnerOf(c)));
    }
}
