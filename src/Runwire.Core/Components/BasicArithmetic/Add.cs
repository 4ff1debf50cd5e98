using Runwire.Core.Components.Python;

namespace Runwire.Core.Components.BasicArithmetic;

/// <summary>hetida "Add": <c>a + b</c>.</summary>
public sealed class Add : IComponent
{
    public Guid Id { get; } = new("2abf72f6-68c9-7398-7175-165d31b3ced7");

    public IReadOnlyDictionary<string, object?> Run(ComponentInputs inputs) =>
        new Dictionary<string, object?> { ["sum"] = PyOps.Binary(BinaryOp.Add, inputs["a"], inputs["b"]) };
}
