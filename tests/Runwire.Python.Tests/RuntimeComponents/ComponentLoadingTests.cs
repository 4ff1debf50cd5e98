using System.Text.Json.Nodes;
using Runwire.Core.Components.Runners;
using Runwire.Python.Tests.Support;

namespace Runwire.Python.Tests.RuntimeComponents;

/// <summary>
/// Every component hetida ships loads in a worker (module compiled, imports resolved, <c>main</c> found), except the three
/// Keras examples: this environment has no TensorFlow, and they fail the way hetida does without it.
/// </summary>
public sealed class ComponentLoadingTests(Support.Python python)
{
    // AntirectifierLayer, Test Keras Model, Train Keras Model with custom Layer: "import tensorflow as tf" at module level.
    // (Wrap Keras Model with custom classes imports only hdutils and loads.)
    private static readonly HashSet<string> NeedTensorFlow =
    [
        "b871f417-a28a-420a-8a5f-752a31d613db",
        "0c4f85b7-1cf1-48be-8cfb-19f228c1f88e",
        "66fad534-24b0-4188-a4ad-62429497d8f1",
    ];

    public static TheoryData<string> Files => [.. Support.RuntimeComponents.ComponentFiles];

    [Fact]
    public void ShippedLibrary_ComponentFiles_Are165()
    {
        Assert.Equal(165, Support.RuntimeComponents.ComponentFiles.Count());
        Assert.All(NeedTensorFlow, id => Assert.Single(Support.RuntimeComponents.ComponentFiles, f => f.Contains(id, StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task ShippedComponent_LoadInWorker_LoadsUnlessItNeedsTensorFlow(string file)
    {
        var code = new PythonCode(Support.RuntimeComponents.Code(file));

        if (!NeedTensorFlow.Contains(IdOf(file)))
        {
            await python.Pool.LoadAsync(code, TestContext.Current.CancellationToken);
            return;
        }
        var failure = await Assert.ThrowsAsync<ComponentLoadException>(() => python.Pool.LoadAsync(code, TestContext.Current.CancellationToken).AsTask());
        Assert.Equal("ModuleNotFoundError: No module named 'tensorflow'", failure.Message);
    }

    [Theory]
    [InlineData("examples/test-keras-model_100_0c4f85b7-1cf1-48be-8cfb-19f228c1f88e.json")]
    [InlineData("examples/train-keras-model-with-custom-layer_100_66fad534-24b0-4188-a4ad-62429497d8f1.json")]
    public async Task KerasComponent_AnyJob_FailsWithNodeFunctionLoadingErrorNamingTensorFlow(string file)
    {
        var engine = python.Engine(Support.Python.Store(Support.RuntimeComponents.Directory), ComponentRunner.Python);
        var export = JsonNode.Parse(File.ReadAllText(Path.Combine(Support.RuntimeComponents.Directory, "components", file)))!;
        var id = Guid.Parse(export["id"]!.GetValue<string>());
        var inputs = export["io_interface"]!["inputs"]!.AsArray().Select(i => (i!["name"]!.GetValue<string>(), "{}")).ToArray();

        var result = await Jobs.AnswerAsync(engine, id, inputs);

        var error = Jobs.Error(result);
        Assert.Equal("NodeFunctionLoadingError", error["type"]!.GetValue<string>());
        Assert.Equal("PARSING_WORKFLOW", error["process_stage"]!.GetValue<string>());
        Assert.Equal($"Could not load node function (Code module uuid: {id}, Component uuid: {id}, function name: main)", error["message"]!.GetValue<string>());
        Assert.Null(error["operator_info"]);
        Assert.Contains("No module named 'tensorflow'", result["traceback"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static string IdOf(string file) => Path.GetFileNameWithoutExtension(file)[^36..];
}
